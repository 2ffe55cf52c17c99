CREATE TABLE "idempotency_keys" (
	"landlord_id" uuid NOT NULL,
	"actor" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"request" text NOT NULL,
	"state" text DEFAULT 'in_progress' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner" uuid NOT NULL,
	"response_status" integer,
	"response_headers" jsonb,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_landlord_id_actor_key_pk" PRIMARY KEY("landlord_id","actor","key")
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_landlord_id_landlords_id_fk" FOREIGN KEY ("landlord_id") REFERENCES "public"."landlords"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");