CREATE TYPE "public"."job_run_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid,
	"name" text NOT NULL,
	"queue" text NOT NULL,
	"status" "job_run_status" DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"progress_message" text,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 1 NOT NULL,
	"result" jsonb,
	"error_code" text,
	"error_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_runs_progress_range" CHECK ("job_runs"."progress" between 0 and 100),
	CONSTRAINT "job_runs_attempts_range" CHECK ("job_runs"."attempts" >= 0 and "job_runs"."max_attempts" >= 1)
);
--> statement-breakpoint
CREATE INDEX "job_runs_status_enqueued_at_idx" ON "job_runs" USING btree ("status","enqueued_at");--> statement-breakpoint
CREATE INDEX "job_runs_workspace_id_idx" ON "job_runs" USING btree ("workspace_id");