CREATE TABLE "staff_inbox_counts" (
	"landlord_id" uuid PRIMARY KEY NOT NULL,
	"threads" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_read_counts" (
	"landlord_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"caught_up" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "staff_read_counts_landlord_id_staff_user_id_pk" PRIMARY KEY("landlord_id","staff_user_id")
);
--> statement-breakpoint
DROP INDEX "customers_landlord_idx";--> statement-breakpoint
DROP INDEX "threads_landlord_last_idx";--> statement-breakpoint
DROP INDEX "threads_customer_last_idx";--> statement-breakpoint
DROP INDEX "cases_landlord_created_idx";--> statement-breakpoint
DROP INDEX "cases_assignee_idx";--> statement-breakpoint
DROP INDEX "invoices_customer_due_idx";--> statement-breakpoint
ALTER TABLE "staff_inbox_counts" ADD CONSTRAINT "staff_inbox_counts_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_read_counts" ADD CONSTRAINT "staff_read_counts_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_read_counts" ADD CONSTRAINT "staff_read_counts_staff_fk" FOREIGN KEY ("landlord_id","staff_user_id") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_landlord_updated_idx" ON "cases" USING btree ("landlord_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "cases_landlord_due_idx" ON "cases" USING btree ("landlord_id",coalesce("due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "cases_open_created_idx" ON "cases" USING btree ("landlord_id","created_at","id") WHERE "cases"."status" in ('new', 'acknowledged', 'in_progress', 'waiting_for_tenant');--> statement-breakpoint
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("landlord_id",coalesce("due_at", 'infinity'::timestamptz),"id") WHERE "cases"."status" in ('new', 'acknowledged', 'in_progress', 'waiting_for_tenant');--> statement-breakpoint
CREATE INDEX "cases_status_created_idx" ON "cases" USING btree ("landlord_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_type_created_idx" ON "cases" USING btree ("landlord_id","type","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_property_created_idx" ON "cases" USING btree ("landlord_id","property_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_object_idx" ON "cases" USING btree ("object_id");--> statement-breakpoint
CREATE INDEX "cases_search_trgm_idx" ON "cases" USING gin (("number" || ' ' || "title" || ' ' || "description" || ' ' || coalesce("street", '') || ' ' || coalesce("invoice_marking", '') || ' ' || coalesce("agreement_number", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_street_trgm_idx" ON "cases" USING gin ("street" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_invoice_marking_trgm_idx" ON "cases" USING gin ("invoice_marking" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_agreement_number_trgm_idx" ON "cases" USING gin ("agreement_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "equipment_objects_number_trgm_idx" ON "equipment_objects" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_landlord_name_idx" ON "customers" USING btree ("landlord_id","name","id");--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_email_trgm_idx" ON "customers" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "threads_staff_inbox_idx" ON "threads" USING btree ("landlord_id","last_message_at","id") WHERE last_tenant_message_at is not null;--> statement-breakpoint
CREATE INDEX "threads_staff_sent_idx" ON "threads" USING btree ("landlord_id","last_message_at","id") WHERE last_staff_message_at is not null;--> statement-breakpoint
CREATE INDEX "threads_customer_staff_wrote_idx" ON "threads" USING btree ("customer_id","last_message_at","id") WHERE last_staff_message_at is not null;--> statement-breakpoint
CREATE INDEX "threads_customer_tenant_wrote_idx" ON "threads" USING btree ("customer_id","last_message_at","id") WHERE last_tenant_message_at is not null;--> statement-breakpoint
CREATE INDEX "threads_lease_last_idx" ON "threads" USING btree ("lease_id","last_message_at","id");--> statement-breakpoint
CREATE INDEX "cases_landlord_created_idx" ON "cases" USING btree ("landlord_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("landlord_id","assignee_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_customer_due_idx" ON "invoices" USING btree ("customer_id","due_date","number","id");