CREATE TABLE "case_counters" (
	"landlord_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_counters_landlord_id_year_pk" PRIMARY KEY("landlord_id","year")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text,
	"from_status" text,
	"to_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_followers" (
	"case_id" uuid NOT NULL,
	"portal_user_id" uuid NOT NULL,
	CONSTRAINT "case_followers_case_id_portal_user_id_pk" PRIMARY KEY("case_id","portal_user_id")
);
--> statement-breakpoint
CREATE TABLE "case_recipients" (
	"case_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "case_recipients_case_id_customer_id_pk" PRIMARY KEY("case_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "case_routing_rules" (
	"landlord_id" uuid NOT NULL,
	"case_type" text NOT NULL,
	"assignee_id" uuid NOT NULL,
	CONSTRAINT "case_routing_rules_landlord_id_case_type_pk" PRIMARY KEY("landlord_id","case_type")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid,
	"lease_id" uuid,
	"property_id" uuid NOT NULL,
	"unit_id" uuid,
	"object_id" uuid,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"reporter_kind" text NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reporter_display_name" text NOT NULL,
	"site_name" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"reporter_name" text,
	"reporter_phone" text,
	"site_phone1" text,
	"site_phone2" text,
	"master_key_allowed" boolean DEFAULT false NOT NULL,
	"door_code" text,
	"agreement_number" text,
	"invoice_marking" text,
	"send_sms" boolean DEFAULT false NOT NULL,
	"due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"make" text,
	"model" text,
	"location" text,
	"property_id" uuid,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"description" text NOT NULL,
	"performed_at" timestamp with time zone NOT NULL,
	"performed_by_id" uuid NOT NULL,
	"performed_by_name" text NOT NULL,
	"minutes" integer NOT NULL,
	"material_cost_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"signed_by" text,
	"signed_at" timestamp with time zone,
	"signature_kind" text,
	"signature_attachment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "case_event_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "work_order_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "manager_id" uuid;--> statement-breakpoint
ALTER TABLE "case_counters" ADD CONSTRAINT "case_counters_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recipients" ADD CONSTRAINT "case_recipients_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recipients" ADD CONSTRAINT "case_recipients_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lease_id_leases_id_fk" FOREIGN KEY ("lease_id") REFERENCES "public"."leases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_object_id_equipment_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."equipment_objects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_objects" ADD CONSTRAINT "equipment_objects_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_objects" ADD CONSTRAINT "equipment_objects_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_objects" ADD CONSTRAINT "equipment_objects_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_recipients_customer_idx" ON "case_recipients" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_key" ON "cases" USING btree ("landlord_id","number");--> statement-breakpoint
CREATE INDEX "cases_landlord_created_idx" ON "cases" USING btree ("landlord_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_customer_idx" ON "cases" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_objects_number_key" ON "equipment_objects" USING btree ("landlord_id","number");--> statement-breakpoint
CREATE INDEX "work_orders_case_idx" ON "work_orders" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "attachments_case_event_idx" ON "attachments" USING btree ("case_event_id");--> statement-breakpoint
CREATE INDEX "attachments_work_order_idx" ON "attachments" USING btree ("work_order_id");