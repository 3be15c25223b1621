CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_email" text,
	"actor_role" text,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"error_code" text,
	"error_message" text,
	"store_arn" text,
	"import_id" text,
	"role_arn" text,
	"s3_uri" text,
	"region" text,
	"time_range" jsonb,
	"aws_request_id" text,
	"client_address" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "locks" (
	"key" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redeemed_tickets" (
	"ticket_id" text PRIMARY KEY NOT NULL,
	"redeemed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_replays" (
	"user_key" text NOT NULL,
	"submission_id" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "submission_replays_user_key_submission_id_pk" PRIMARY KEY("user_key","submission_id")
);
--> statement-breakpoint
CREATE INDEX "activity_time_idx" ON "activity" USING btree ("occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_actor_idx" ON "activity" USING btree ("actor_email","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_import_idx" ON "activity" USING btree ("import_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_action_idx" ON "activity" USING btree ("action","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "locks_expires_idx" ON "locks" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "rate_limits_expires_idx" ON "rate_limits" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "redeemed_tickets_expires_idx" ON "redeemed_tickets" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "submission_replays_expires_idx" ON "submission_replays" USING btree ("expires_at");