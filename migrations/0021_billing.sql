CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_runs_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
CREATE TABLE "billing_settings" (
	"landlord_id" uuid PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"ocr_control" text DEFAULT 'length' NOT NULL,
	"ocr_fixed_lengths" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"due_rule" text NOT NULL,
	"reminder_days" integer,
	"schedule_day" integer,
	"attach_pdf" boolean DEFAULT true NOT NULL,
	"next_number" bigint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_minor" bigint NOT NULL,
	"vat_rate" integer DEFAULT 0 NOT NULL,
	"vat_minor" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"lease_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payer_number" text NOT NULL,
	"bank_code" text NOT NULL,
	"bank_account" text NOT NULL,
	"holder_id" text NOT NULL,
	"holder_name" text NOT NULL,
	"terms_version" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"accepted_by" uuid NOT NULL,
	"exported_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandates_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_stamp" text NOT NULL,
	"payee_account" text NOT NULL,
	"sha256" text NOT NULL,
	"payment_count" integer NOT NULL,
	"matched_count" integer NOT NULL,
	"total_minor" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_imports_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"customer_id" uuid,
	"source" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"unallocated_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"paid_on" date NOT NULL,
	"reference" text,
	"payer_name" text,
	"payer_account" text,
	"bank_serial" text,
	"import_id" uuid,
	"mandate_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "property_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "kind" text DEFAULT 'notice' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "seq" bigint;--> statement-breakpoint
-- The first cut's rows (demo data) get numbers in the order they were made, and their period's first day.
UPDATE "invoices" i SET "seq" = n.seq FROM (
  SELECT "id", row_number() OVER (PARTITION BY "landlord_id" ORDER BY "created_at", "number", "id") AS seq FROM "invoices"
) n WHERE n."id" = i."id";--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "period_start" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "period_end" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "issue_date" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "subtotal_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vat_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "paid_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "credited_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "payment_method" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "billing_run_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "credits_invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "mandate_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "pdf_key" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "billing_cadence" text DEFAULT 'monthly' NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_settings" ADD CONSTRAINT "billing_settings_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("landlord_id","invoice_id") REFERENCES "public"."invoices"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_lease_fk" FOREIGN KEY ("landlord_id","lease_id") REFERENCES "public"."leases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_fk" FOREIGN KEY ("landlord_id","payment_id") REFERENCES "public"."payments"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_fk" FOREIGN KEY ("landlord_id","invoice_id") REFERENCES "public"."invoices"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_imports" ADD CONSTRAINT "payment_imports_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_import_fk" FOREIGN KEY ("landlord_id","import_id") REFERENCES "public"."payment_imports"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_mandate_fk" FOREIGN KEY ("landlord_id","mandate_id") REFERENCES "public"."mandates"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_runs_landlord_idx" ON "billing_runs" USING btree ("landlord_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "mandates_live_lease_key" ON "mandates" USING btree ("landlord_id","lease_id") WHERE "mandates"."status" in ('pending', 'active');--> statement-breakpoint
CREATE INDEX "mandates_landlord_status_idx" ON "mandates" USING btree ("landlord_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "mandates_customer_idx" ON "mandates" USING btree ("landlord_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("landlord_id","payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice_idx" ON "payment_allocations" USING btree ("landlord_id","invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_imports_file_key" ON "payment_imports" USING btree ("landlord_id","payee_account","file_stamp");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_imports_sha_key" ON "payment_imports" USING btree ("landlord_id","sha256");--> statement-breakpoint
CREATE INDEX "payment_imports_landlord_idx" ON "payment_imports" USING btree ("landlord_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_bank_serial_key" ON "payments" USING btree ("landlord_id","bank_serial") WHERE "payments"."bank_serial" is not null;--> statement-breakpoint
CREATE INDEX "payments_landlord_paid_idx" ON "payments" USING btree ("landlord_id","paid_on","id");--> statement-breakpoint
CREATE INDEX "payments_customer_idx" ON "payments" USING btree ("landlord_id","customer_id","paid_on","id");--> statement-breakpoint
CREATE INDEX "payments_unmatched_idx" ON "payments" USING btree ("landlord_id","paid_on","id") WHERE "payments"."customer_id" is null;--> statement-breakpoint
CREATE INDEX "payments_import_idx" ON "payments" USING btree ("landlord_id","import_id");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_run_fk" FOREIGN KEY ("landlord_id","billing_run_id") REFERENCES "public"."billing_runs"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credits_fk" FOREIGN KEY ("landlord_id","credits_invoice_id") REFERENCES "public"."invoices"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_mandate_fk" FOREIGN KEY ("landlord_id","mandate_id") REFERENCES "public"."mandates"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_landlord_seq_key" ON "invoices" USING btree ("landlord_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_landlord_reference_key" ON "invoices" USING btree ("landlord_id","reference") WHERE "invoices"."reference" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_landlord_external_id_key" ON "invoices" USING btree ("landlord_id","external_id") WHERE "invoices"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_lease_period_key" ON "invoices" USING btree ("landlord_id","lease_id","period_start") WHERE "invoices"."kind" = 'notice';--> statement-breakpoint
CREATE INDEX "invoices_landlord_customer_seq_idx" ON "invoices" USING btree ("landlord_id","customer_id","seq");--> statement-breakpoint
CREATE INDEX "invoices_landlord_property_seq_idx" ON "invoices" USING btree ("landlord_id","property_id","seq");--> statement-breakpoint
CREATE INDEX "invoices_landlord_period_seq_idx" ON "invoices" USING btree ("landlord_id","period_start","seq");--> statement-breakpoint
CREATE INDEX "invoices_landlord_status_seq_idx" ON "invoices" USING btree ("landlord_id","status","seq");--> statement-breakpoint
CREATE INDEX "invoices_open_due_idx" ON "invoices" USING btree ("landlord_id","due_date","id") WHERE "invoices"."status" in ('unpaid', 'partly_paid');--> statement-breakpoint
CREATE INDEX "invoices_lease_idx" ON "invoices" USING btree ("landlord_id","lease_id","seq");
--> statement-breakpoint
UPDATE "invoices" SET "period_start" = to_date("period" || '-01', 'YYYY-MM-DD'), "period_end" = (to_date("period" || '-01', 'YYYY-MM-DD') + interval '1 month - 1 day')::date WHERE "period" ~ '^\d{4}-\d{2}$';--> statement-breakpoint
UPDATE "invoices" SET "status" = 'unpaid' WHERE "status" = 'overdue';--> statement-breakpoint
UPDATE "invoices" SET "subtotal_minor" = "total_minor";--> statement-breakpoint
UPDATE "invoices" SET "paid_minor" = "total_minor" WHERE "status" = 'paid';--> statement-breakpoint
INSERT INTO "billing_settings" ("landlord_id", "currency", "due_rule", "next_number")
SELECT l."id", CASE WHEN l."country" = 'DK' THEN 'DKK' ELSE 'SEK' END,
       CASE WHEN l."country" = 'DK' THEN 'first_weekday_of' ELSE 'last_weekday_before' END,
       coalesce((SELECT max(i."seq") FROM "invoices" i WHERE i."landlord_id" = l."id"), 0) + 1
FROM "landlords" l;
--> statement-breakpoint
-- Notices from before billing existed were never e-mailed on issue; they must not all go out now.
UPDATE "invoices" SET "emailed_at" = "created_at";
