DROP INDEX "outbox_notice_idx";--> statement-breakpoint
CREATE INDEX "outbox_notice_idx" ON "outbox" USING btree ("landlord_id","notice_id","created_at","id") WHERE notice_id is not null;