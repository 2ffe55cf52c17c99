CREATE TABLE "staff_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"landlord_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "portal_scope" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "payment_accounts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "sms_sender" text;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "brand_name" text;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "brand_colour" text;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "logo_key" text;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "support_email" text;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "support_phone" text;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "useful_links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "landlords" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_staff_fk" FOREIGN KEY ("landlord_id","staff_user_id") REFERENCES "public"."staff_users"("landlord_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_open_idx" ON "staff_invitations" USING btree ("staff_user_id") WHERE "staff_invitations"."used_at" is null and "staff_invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "staff_users_landlord_name_idx" ON "staff_users" USING btree ("landlord_id","name","id");