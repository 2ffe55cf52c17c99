DROP INDEX "record_changes_record_idx";--> statement-breakpoint
CREATE INDEX "record_changes_record_idx" ON "record_changes" USING btree ("landlord_id","record_type","record_id","at","id");