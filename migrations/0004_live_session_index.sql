CREATE UNIQUE INDEX "sessions_live_family_idx" ON "sessions" USING btree ("family_id") WHERE "sessions"."rotated_at" is null and "sessions"."revoked_at" is null;
