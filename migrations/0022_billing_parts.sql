CREATE TABLE "mandate_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content" text NOT NULL,
	"mandate_count" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandate_exports_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
DROP INDEX "payments_import_idx";--> statement-breakpoint
ALTER TABLE "billing_runs" ADD COLUMN "first_seq" bigint;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD COLUMN "last_seq" bigint;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD COLUMN "totals" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "mandates" ADD COLUMN "export_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_imports" ADD COLUMN "currency" text DEFAULT 'SEK' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_imports" ADD COLUMN "deposit_serials" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_imports" ADD COLUMN "tally" jsonb;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "org_number" text;--> statement-breakpoint
ALTER TABLE "mandate_exports" ADD CONSTRAINT "mandate_exports_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mandate_exports_landlord_idx" ON "mandate_exports" USING btree ("landlord_id","created_at");--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_export_fk" FOREIGN KEY ("landlord_id","export_id") REFERENCES "public"."mandate_exports"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_lease_created_idx" ON "cases" USING btree ("landlord_id","lease_id","created_at","id") WHERE "cases"."lease_id" is not null;--> statement-breakpoint
CREATE INDEX "invoices_mandate_open_due_idx" ON "invoices" USING btree ("landlord_id","due_date","id") WHERE "invoices"."mandate_id" is not null and "invoices"."status" in ('unpaid', 'partly_paid');--> statement-breakpoint
CREATE INDEX "invoices_pdf_pending_idx" ON "invoices" USING btree ("created_at","id") WHERE "invoices"."pdf_key" is null;--> statement-breakpoint
CREATE INDEX "invoices_email_pending_idx" ON "invoices" USING btree ("created_at","id") WHERE "invoices"."emailed_at" is null;--> statement-breakpoint
CREATE INDEX "invoices_reminder_pending_idx" ON "invoices" USING btree ("due_date","id") WHERE "invoices"."status" in ('unpaid', 'partly_paid') and "invoices"."reminded_at" is null and "invoices"."mandate_id" is null;--> statement-breakpoint
CREATE INDEX "invoices_landlord_kind_seq_idx" ON "invoices" USING btree ("landlord_id","kind","seq");--> statement-breakpoint
CREATE INDEX "invoices_open_seq_idx" ON "invoices" USING btree ("landlord_id","seq","due_date") WHERE "invoices"."status" in ('unpaid', 'partly_paid');--> statement-breakpoint
CREATE UNIQUE INDEX "mandates_live_payer_key" ON "mandates" USING btree ("landlord_id","payer_number") WHERE "mandates"."status" in ('pending', 'active');--> statement-breakpoint
CREATE INDEX "mandates_landlord_created_idx" ON "mandates" USING btree ("landlord_id","created_at","id");--> statement-breakpoint
CREATE INDEX "mandates_export_pick_idx" ON "mandates" USING btree ("landlord_id","kind","created_at") WHERE "mandates"."status" = 'pending' and "mandates"."exported_at" is null;--> statement-breakpoint
CREATE INDEX "payments_source_idx" ON "payments" USING btree ("landlord_id","source","paid_on","id");--> statement-breakpoint
CREATE INDEX "payments_matched_idx" ON "payments" USING btree ("landlord_id","paid_on","id") WHERE "payments"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "payments_import_idx" ON "payments" USING btree ("landlord_id","import_id","paid_on","id");