ALTER TABLE "billing_runs" ADD COLUMN "first_seq" bigint;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD COLUMN "last_seq" bigint;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD COLUMN "totals" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "reason" text;--> statement-breakpoint
CREATE INDEX "invoices_landlord_kind_seq_idx" ON "invoices" USING btree ("landlord_id","kind","seq");--> statement-breakpoint
CREATE INDEX "invoices_open_seq_idx" ON "invoices" USING btree ("landlord_id","seq","due_date") WHERE "invoices"."status" in ('unpaid', 'partly_paid');