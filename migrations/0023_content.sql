CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"customer_id" uuid,
	"lease_id" uuid,
	"property_id" uuid,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_landlord_id_key" UNIQUE("landlord_id","id"),
	CONSTRAINT "documents_scope_target" CHECK ((scope = 'customer' and customer_id is not null and lease_id is null and property_id is null) or (scope = 'lease' and lease_id is not null and customer_id is null and property_id is null) or (scope = 'property' and property_id is not null and customer_id is null and lease_id is null))
);
--> statement-breakpoint
CREATE TABLE "help_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"article_key" text NOT NULL,
	"locale" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(case locale when 'sv' then 'swedish'::regconfig when 'da' then 'danish'::regconfig else 'english'::regconfig end, coalesce(title, '')), 'A') || setweight(to_tsvector(case locale when 'sv' then 'swedish'::regconfig when 'da' then 'danish'::regconfig else 'english'::regconfig end, coalesce(body, '')), 'B')) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_articles_key_locale_key" UNIQUE("landlord_id","article_key","locale"),
	CONSTRAINT "help_articles_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
CREATE TABLE "operational_notice_properties" (
	"landlord_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	CONSTRAINT "operational_notice_properties_notice_id_property_id_pk" PRIMARY KEY("notice_id","property_id")
);
--> statement-breakpoint
CREATE TABLE "operational_notice_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operational_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"all_properties" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operational_notices_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
CREATE TABLE "post_properties" (
	"landlord_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	CONSTRAINT "post_properties_post_id_property_id_pk" PRIMARY KEY("post_id","property_id")
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"all_properties" boolean DEFAULT true NOT NULL,
	"publish_from" timestamp with time zone NOT NULL,
	"publish_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posts_landlord_id_key" UNIQUE("landlord_id","id")
);
--> statement-breakpoint
CREATE TABLE "property_team" (
	"landlord_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "property_team_property_id_staff_user_id_pk" PRIMARY KEY("property_id","staff_user_id")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "post_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "document_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "notice_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_customer_fk" FOREIGN KEY ("landlord_id","customer_id") REFERENCES "public"."customers"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_lease_fk" FOREIGN KEY ("landlord_id","lease_id") REFERENCES "public"."leases"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_fk" FOREIGN KEY ("landlord_id","created_by") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_articles" ADD CONSTRAINT "help_articles_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_notice_properties" ADD CONSTRAINT "operational_notice_properties_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_notice_properties" ADD CONSTRAINT "operational_notice_properties_notice_fk" FOREIGN KEY ("landlord_id","notice_id") REFERENCES "public"."operational_notices"("landlord_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_notice_properties" ADD CONSTRAINT "operational_notice_properties_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_notice_updates" ADD CONSTRAINT "operational_notice_updates_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_notice_updates" ADD CONSTRAINT "operational_notice_updates_notice_fk" FOREIGN KEY ("landlord_id","notice_id") REFERENCES "public"."operational_notices"("landlord_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_notice_updates" ADD CONSTRAINT "operational_notice_updates_created_by_fk" FOREIGN KEY ("landlord_id","created_by") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_notices" ADD CONSTRAINT "operational_notices_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operational_notices" ADD CONSTRAINT "operational_notices_created_by_fk" FOREIGN KEY ("landlord_id","created_by") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_properties" ADD CONSTRAINT "post_properties_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_properties" ADD CONSTRAINT "post_properties_post_fk" FOREIGN KEY ("landlord_id","post_id") REFERENCES "public"."posts"("landlord_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_properties" ADD CONSTRAINT "post_properties_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_created_by_fk" FOREIGN KEY ("landlord_id","created_by") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_team" ADD CONSTRAINT "property_team_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_team" ADD CONSTRAINT "property_team_property_fk" FOREIGN KEY ("landlord_id","property_id") REFERENCES "public"."properties"("landlord_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "property_team" ADD CONSTRAINT "property_team_staff_fk" FOREIGN KEY ("landlord_id","staff_user_id") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_customer_idx" ON "documents" USING btree ("landlord_id","customer_id","created_at","id") WHERE customer_id is not null;--> statement-breakpoint
CREATE INDEX "documents_lease_idx" ON "documents" USING btree ("landlord_id","lease_id","created_at","id") WHERE lease_id is not null;--> statement-breakpoint
CREATE INDEX "documents_property_idx" ON "documents" USING btree ("landlord_id","property_id","created_at","id") WHERE property_id is not null;--> statement-breakpoint
CREATE INDEX "documents_landlord_created_idx" ON "documents" USING btree ("landlord_id","created_at","id");--> statement-breakpoint
CREATE INDEX "help_articles_landlord_locale_idx" ON "help_articles" USING btree ("landlord_id","locale","category","position","id");--> statement-breakpoint
CREATE INDEX "help_articles_search_idx" ON "help_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "operational_notice_properties_property_idx" ON "operational_notice_properties" USING btree ("landlord_id","property_id","notice_id");--> statement-breakpoint
CREATE INDEX "operational_notice_updates_notice_idx" ON "operational_notice_updates" USING btree ("landlord_id","notice_id","created_at");--> statement-breakpoint
CREATE INDEX "operational_notices_landlord_starts_idx" ON "operational_notices" USING btree ("landlord_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "post_properties_property_idx" ON "post_properties" USING btree ("landlord_id","property_id","post_id");--> statement-breakpoint
CREATE INDEX "posts_landlord_feed_idx" ON "posts" USING btree ("landlord_id","pinned","publish_from","id");--> statement-breakpoint
CREATE INDEX "posts_landlord_category_idx" ON "posts" USING btree ("landlord_id","category","publish_from","id");--> statement-breakpoint
CREATE INDEX "property_team_staff_idx" ON "property_team" USING btree ("landlord_id","staff_user_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_post_fk" FOREIGN KEY ("landlord_id","post_id") REFERENCES "public"."posts"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_document_fk" FOREIGN KEY ("landlord_id","document_id") REFERENCES "public"."documents"("landlord_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_post_idx" ON "attachments" USING btree ("landlord_id","post_id") WHERE post_id is not null;--> statement-breakpoint
CREATE INDEX "attachments_document_idx" ON "attachments" USING btree ("landlord_id","document_id") WHERE document_id is not null;--> statement-breakpoint
CREATE INDEX "outbox_notice_idx" ON "outbox" USING btree ("landlord_id","notice_id") WHERE notice_id is not null;