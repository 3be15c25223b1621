CREATE TABLE "chunks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"source_index" integer NOT NULL,
	"account_id" text,
	"index" integer NOT NULL,
	"key" text NOT NULL,
	"s3_uri" text NOT NULL,
	"bucket_region" text NOT NULL,
	"role_arn" text NOT NULL,
	"start" timestamp (3) with time zone NOT NULL,
	"end" timestamp (3) with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"import_id" text,
	"claimed_at" timestamp (3) with time zone,
	"next_attempt_at" timestamp (3) with time zone,
	"last_error" text,
	"statistics" jsonb,
	"finished_at" timestamp (3) with time zone,
	"updated_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	"gave_up_at" timestamp (3) with time zone,
	"last_error" text,
	CONSTRAINT "notifications_id_channel_pk" PRIMARY KEY("id","channel")
);
--> statement-breakpoint
CREATE TABLE "plan_sources" (
	"plan_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"s3_uri" text NOT NULL,
	"bucket_region" text NOT NULL,
	"role_arn" text NOT NULL,
	"organization_id" text,
	"account_ids" text[],
	CONSTRAINT "plan_sources_plan_id_index_pk" PRIMARY KEY("plan_id","index")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"destination" text NOT NULL,
	"chunk_size" text NOT NULL,
	"range_from" date NOT NULL,
	"range_to" date NOT NULL,
	"max_retries" integer DEFAULT 3 NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"created_by" text NOT NULL,
	"created_by_sub" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "runner_lock" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text,
	"locked_until" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chunks" ADD CONSTRAINT "chunks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sources" ADD CONSTRAINT "plan_sources_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chunks_key_idx" ON "chunks" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "chunks_plan_index_idx" ON "chunks" USING btree ("plan_id","index");--> statement-breakpoint
CREATE UNIQUE INDEX "chunks_import_idx" ON "chunks" USING btree ("import_id") WHERE "chunks"."import_id" is not null;--> statement-breakpoint
CREATE INDEX "chunks_state_next_idx" ON "chunks" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("next_attempt_at") WHERE "notifications"."delivered_at" is null and "notifications"."gave_up_at" is null;--> statement-breakpoint
CREATE INDEX "plans_created_idx" ON "plans" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "plans_state_idx" ON "plans" USING btree ("state");--> statement-breakpoint
CREATE INDEX "plans_destination_idx" ON "plans" USING btree ("destination");