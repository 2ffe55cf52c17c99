DROP INDEX "cases_landlord_created_idx";--> statement-breakpoint
DROP INDEX "cases_assignee_idx";--> statement-breakpoint
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
CREATE INDEX "cases_landlord_created_idx" ON "cases" USING btree ("landlord_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("landlord_id","assignee_id","created_at","id");