DROP INDEX "outbox_notice_idx";--> statement-breakpoint
CREATE INDEX "customers_identity_idx" ON "customers" USING btree ("identity_number") WHERE identity_number is not null;--> statement-breakpoint
CREATE INDEX "outbox_status_channel_created_idx" ON "outbox" USING btree ("status","channel","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_failed_idx" ON "webhook_deliveries" USING btree ("created_at") WHERE status = 'failed';--> statement-breakpoint
CREATE INDEX "outbox_notice_idx" ON "outbox" USING btree ("landlord_id","notice_id","created_at","id") WHERE notice_id is not null;