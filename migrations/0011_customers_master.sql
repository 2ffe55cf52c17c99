ALTER TABLE "customer_contacts" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_landlord_created_idx" ON "customers" USING btree ("landlord_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_landlord_identity_key" ON "customers" USING btree ("landlord_id","identity_number" text_pattern_ops) WHERE identity_number is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_landlord_external_id_key" ON "customers" USING btree ("landlord_id","external_id") WHERE external_id is not null;