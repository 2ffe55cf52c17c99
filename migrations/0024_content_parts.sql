ALTER TABLE "staff_users" ADD COLUMN "phone" text;--> statement-breakpoint
CREATE INDEX "posts_landlord_published_idx" ON "posts" USING btree ("landlord_id","publish_from","id");--> statement-breakpoint
CREATE INDEX "posts_landlord_category_feed_idx" ON "posts" USING btree ("landlord_id","category","pinned","publish_from","id");--> statement-breakpoint
CREATE INDEX "portal_memberships_customer_idx" ON "portal_memberships" USING btree ("customer_id");