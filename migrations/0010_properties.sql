DROP INDEX "properties_landlord_idx";--> statement-breakpoint
DROP INDEX "units_landlord_idx";--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "property_id" uuid;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "designation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "year_built" integer;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "total_area_m2" numeric;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "floors" integer;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "facts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "area_info" text;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "customer_manager_id" uuid;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "properties" ADD CONSTRAINT "properties_customer_manager_fk" FOREIGN KEY ("landlord_id","customer_manager_id") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_property_idx" ON "attachments" USING btree ("landlord_id","property_id");--> statement-breakpoint
CREATE INDEX "properties_landlord_name_idx" ON "properties" USING btree ("landlord_id","name","id");--> statement-breakpoint
CREATE INDEX "properties_landlord_designation_idx" ON "properties" USING btree ("landlord_id","designation","id");--> statement-breakpoint
CREATE INDEX "properties_landlord_city_idx" ON "properties" USING btree ("landlord_id","city","id");--> statement-breakpoint
CREATE INDEX "properties_manager_idx" ON "properties" USING btree ("landlord_id","manager_id");--> statement-breakpoint
CREATE INDEX "properties_name_trgm_idx" ON "properties" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "properties_designation_trgm_idx" ON "properties" USING gin ("designation" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "properties_street_trgm_idx" ON "properties" USING gin ("street" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "properties_external_id_key" ON "properties" USING btree ("landlord_id","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "units_property_number_idx" ON "units" USING btree ("landlord_id","property_id","number");--> statement-breakpoint
CREATE INDEX "units_number_trgm_idx" ON "units" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "units_address_trgm_idx" ON "units" USING gin ("address" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "units_external_id_key" ON "units" USING btree ("landlord_id","external_id") WHERE external_id is not null;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_landlord_number_key" UNIQUE("landlord_id","number");