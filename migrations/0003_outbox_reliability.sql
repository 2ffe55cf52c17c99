ALTER TABLE "invitations" DROP CONSTRAINT "invitations_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_contact_id_customer_contacts_id_fk";--> statement-breakpoint
ALTER TABLE "case_events" DROP CONSTRAINT "case_events_case_id_cases_id_fk";--> statement-breakpoint
ALTER TABLE "case_followers" DROP CONSTRAINT "case_followers_case_id_cases_id_fk";--> statement-breakpoint
ALTER TABLE "case_recipients" DROP CONSTRAINT "case_recipients_case_id_cases_id_fk";--> statement-breakpoint
ALTER TABLE "case_recipients" DROP CONSTRAINT "case_recipients_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "case_routing_rules" DROP CONSTRAINT "case_routing_rules_assignee_id_staff_users_id_fk";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_lease_id_leases_id_fk";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_property_id_properties_id_fk";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_unit_id_units_id_fk";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_object_id_equipment_objects_id_fk";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_assignee_id_staff_users_id_fk";--> statement-breakpoint
ALTER TABLE "equipment_objects" DROP CONSTRAINT "equipment_objects_property_id_properties_id_fk";--> statement-breakpoint
ALTER TABLE "equipment_objects" DROP CONSTRAINT "equipment_objects_unit_id_units_id_fk";--> statement-breakpoint
ALTER TABLE "work_orders" DROP CONSTRAINT "work_orders_case_id_cases_id_fk";--> statement-breakpoint
ALTER TABLE "customer_contacts" DROP CONSTRAINT "customer_contacts_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "leases" DROP CONSTRAINT "leases_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "leases" DROP CONSTRAINT "leases_unit_id_units_id_fk";--> statement-breakpoint
ALTER TABLE "portal_memberships" DROP CONSTRAINT "portal_memberships_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_lease_id_leases_id_fk";--> statement-breakpoint
ALTER TABLE "attachments" DROP CONSTRAINT "attachments_message_id_messages_id_fk";--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_thread_id_threads_id_fk";--> statement-breakpoint
ALTER TABLE "thread_reads" DROP CONSTRAINT "thread_reads_thread_id_threads_id_fk";--> statement-breakpoint
ALTER TABLE "threads" DROP CONSTRAINT "threads_customer_id_customers_id_fk";--> statement-breakpoint
ALTER TABLE "threads" DROP CONSTRAINT "threads_lease_id_leases_id_fk";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_property_id_properties_id_fk";--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "case_followers" ADD COLUMN "landlord_id" uuid;--> statement-breakpoint
-- Backfilled from the parent row before NOT NULL (isolation: every landlord-owned row carries landlord_id).
UPDATE "case_followers" f SET "landlord_id" = c."landlord_id" FROM "cases" c WHERE c."id" = f."case_id";--> statement-breakpoint
ALTER TABLE "case_followers" ALTER COLUMN "landlord_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_recipients" ADD COLUMN "landlord_id" uuid;--> statement-breakpoint
-- Backfilled from the parent row before NOT NULL (isolation: every landlord-owned row carries landlord_id).
UPDATE "case_recipients" r SET "landlord_id" = c."landlord_id" FROM "cases" c WHERE c."id" = r."case_id";--> statement-breakpoint
ALTER TABLE "case_recipients" ALTER COLUMN "landlord_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD COLUMN "landlord_id" uuid;--> statement-breakpoint
-- Backfilled from the parent row before NOT NULL (isolation: every landlord-owned row carries landlord_id).
UPDATE "thread_reads" r SET "landlord_id" = t."landlord_id" FROM "threads" t WHERE t."id" = r."thread_id";--> statement-breakpoint
ALTER TABLE "thread_reads" ALTER COLUMN "landlord_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "retry_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "equipment_objects" ADD CONSTRAINT "equipment_objects_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "properties" ADD CONSTRAINT "properties_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_landlord_id_key" UNIQUE("landlord_id","id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_contact_fk" FOREIGN KEY ("landlord_id","contact_id") REFERENCES "public"."customer_contacts"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_thread_fk" FOREIGN KEY ("landlord_id","thread_id") REFERENCES "public"."threads"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_fk" FOREIGN KEY ("landlord_id","case_id") REFERENCES "public"."cases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_portal_user_id_portal_users_id_fk" FOREIGN KEY ("portal_user_id") REFERENCES "public"."portal_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_case_fk" FOREIGN KEY ("landlord_id","case_id") REFERENCES "public"."cases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recipients" ADD CONSTRAINT "case_recipients_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recipients" ADD CONSTRAINT "case_recipients_case_fk" FOREIGN KEY ("landlord_id","case_id") REFERENCES "public"."cases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recipients" ADD CONSTRAINT "case_recipients_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routing_rules" ADD CONSTRAINT "case_routing_rules_assignee_fk" FOREIGN KEY ("landlord_id","assignee_id") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_lease_fk" FOREIGN KEY ("landlord_id","lease_id") REFERENCES "public"."leases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_fk" FOREIGN KEY ("landlord_id","unit_id") REFERENCES "public"."units"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_object_fk" FOREIGN KEY ("landlord_id","object_id") REFERENCES "public"."equipment_objects"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_fk" FOREIGN KEY ("landlord_id","assignee_id") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_objects" ADD CONSTRAINT "equipment_objects_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment_objects" ADD CONSTRAINT "equipment_objects_unit_fk" FOREIGN KEY ("landlord_id","unit_id") REFERENCES "public"."units"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_case_fk" FOREIGN KEY ("landlord_id","case_id") REFERENCES "public"."cases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_signature_fk" FOREIGN KEY ("landlord_id","signature_attachment_id") REFERENCES "public"."attachments"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_unit_fk" FOREIGN KEY ("landlord_id","unit_id") REFERENCES "public"."units"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_memberships" ADD CONSTRAINT "portal_memberships_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_lease_fk" FOREIGN KEY ("landlord_id","lease_id") REFERENCES "public"."leases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_fk" FOREIGN KEY ("landlord_id","message_id") REFERENCES "public"."messages"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_event_fk" FOREIGN KEY ("landlord_id","case_event_id") REFERENCES "public"."case_events"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_work_order_fk" FOREIGN KEY ("landlord_id","work_order_id") REFERENCES "public"."work_orders"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_fk" FOREIGN KEY ("landlord_id","thread_id") REFERENCES "public"."threads"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD CONSTRAINT "thread_reads_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD CONSTRAINT "thread_reads_thread_fk" FOREIGN KEY ("landlord_id","thread_id") REFERENCES "public"."threads"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_lease_fk" FOREIGN KEY ("landlord_id","lease_id") REFERENCES "public"."leases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "properties" ADD CONSTRAINT "properties_manager_fk" FOREIGN KEY ("landlord_id","manager_id") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_leased_idx" ON "outbox" USING btree ("enqueued_at") WHERE status = 'pending' and enqueued_at is not null;--> statement-breakpoint
CREATE INDEX "outbox_settled_idx" ON "outbox" USING btree ("created_at") WHERE status <> 'pending';
