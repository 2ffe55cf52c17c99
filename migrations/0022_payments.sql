DROP INDEX "payments_import_idx";--> statement-breakpoint
ALTER TABLE "payment_imports" ADD COLUMN "currency" text DEFAULT 'SEK' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_imports" ADD COLUMN "deposit_serials" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_imports" ADD COLUMN "tally" jsonb;--> statement-breakpoint
CREATE INDEX "payments_source_idx" ON "payments" USING btree ("landlord_id","source","paid_on","id");--> statement-breakpoint
CREATE INDEX "payments_matched_idx" ON "payments" USING btree ("landlord_id","paid_on","id") WHERE "payments"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "payments_import_idx" ON "payments" USING btree ("landlord_id","import_id","paid_on","id");