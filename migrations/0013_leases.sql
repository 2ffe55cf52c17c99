CREATE TABLE "lease_rent_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"lease_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_minor" bigint NOT NULL,
	"vat_rate" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lease_rent_lines_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
CREATE TABLE "lease_units" (
	"landlord_id" uuid NOT NULL,
	"lease_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "lease_units_lease_id_unit_id_pk" PRIMARY KEY("lease_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "type" text DEFAULT 'residential' NOT NULL;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "area_m2" numeric(10, 2);--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "notice_period_months" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "notice_date" date;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "lease_id" uuid;--> statement-breakpoint
ALTER TABLE "lease_rent_lines" ADD CONSTRAINT "lease_rent_lines_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lease_rent_lines" ADD CONSTRAINT "lease_rent_lines_lease_fk" FOREIGN KEY ("landlord_id","lease_id") REFERENCES "public"."leases"("landlord_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lease_units" ADD CONSTRAINT "lease_units_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lease_units" ADD CONSTRAINT "lease_units_lease_fk" FOREIGN KEY ("landlord_id","lease_id") REFERENCES "public"."leases"("landlord_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lease_units" ADD CONSTRAINT "lease_units_unit_fk" FOREIGN KEY ("landlord_id","unit_id") REFERENCES "public"."units"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lease_rent_lines_lease_idx" ON "lease_rent_lines" USING btree ("lease_id","position");--> statement-breakpoint
CREATE INDEX "lease_units_unit_idx" ON "lease_units" USING btree ("landlord_id","unit_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_lease_fk" FOREIGN KEY ("landlord_id","lease_id") REFERENCES "public"."leases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leases_landlord_number_key" ON "leases" USING btree ("landlord_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "leases_landlord_external_id_key" ON "leases" USING btree ("landlord_id","external_id") WHERE "leases"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "leases_landlord_valid_from_idx" ON "leases" USING btree ("landlord_id","valid_from","id");--> statement-breakpoint
CREATE INDEX "leases_landlord_customer_idx" ON "leases" USING btree ("landlord_id","customer_id","number");--> statement-breakpoint
CREATE INDEX "leases_landlord_status_idx" ON "leases" USING btree ("landlord_id","status","number");--> statement-breakpoint
CREATE INDEX "leases_landlord_type_idx" ON "leases" USING btree ("landlord_id","type","number");--> statement-breakpoint
CREATE INDEX "leases_number_trgm_idx" ON "leases" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "attachments_lease_idx" ON "attachments" USING btree ("lease_id");