ALTER TABLE "landlords" ADD COLUMN "org_number" text;--> statement-breakpoint
CREATE INDEX "invoices_pdf_pending_idx" ON "invoices" USING btree ("created_at","id") WHERE "invoices"."pdf_key" is null;--> statement-breakpoint
CREATE INDEX "invoices_email_pending_idx" ON "invoices" USING btree ("created_at","id") WHERE "invoices"."emailed_at" is null;--> statement-breakpoint
CREATE INDEX "invoices_reminder_pending_idx" ON "invoices" USING btree ("due_date","id") WHERE "invoices"."status" in ('unpaid', 'partly_paid') and "invoices"."reminded_at" is null and "invoices"."mandate_id" is null;