CREATE TABLE "match_ranking_results" (
	"ranking_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	CONSTRAINT "match_ranking_results_ranking_id_profile_id_pk" PRIMARY KEY("ranking_id","profile_id"),
	CONSTRAINT "match_ranking_results_score_range" CHECK ("match_ranking_results"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "match_rankings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"requested_by" uuid,
	"profile_ids" uuid[],
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"scored" integer DEFAULT 0 NOT NULL,
	"scorer_version" text NOT NULL,
	"error_code" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "match_rankings_status_valid" CHECK (status in ('queued', 'running', 'succeeded', 'failed')),
	CONSTRAINT "match_rankings_counts" CHECK ("match_rankings"."scored" >= 0 and "match_rankings"."total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "profile_attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_attestations_profile_skill_key" UNIQUE("profile_id","skill")
);
--> statement-breakpoint
CREATE TABLE "tailorings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"requested_by" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"mode" text DEFAULT 'deterministic' NOT NULL,
	"base_hash" text,
	"changes" jsonb,
	"rejected" jsonb,
	"section_order" text[],
	"score_before" integer,
	"score_after" integer,
	"result_profile_id" uuid,
	"error_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "tailorings_status_valid" CHECK (status in ('queued', 'running', 'ready', 'confirmed', 'failed')),
	CONSTRAINT "tailorings_mode_valid" CHECK (mode in ('deterministic', 'llm'))
);
--> statement-breakpoint
DROP INDEX "profiles_document_id_key";--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "source" text DEFAULT 'parsed' NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "parent_profile_id" uuid;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "tailoring_id" uuid;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "section_order" text[];--> statement-breakpoint
ALTER TABLE "match_ranking_results" ADD CONSTRAINT "match_ranking_results_ranking_id_match_rankings_id_fk" FOREIGN KEY ("ranking_id") REFERENCES "public"."match_rankings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_ranking_results" ADD CONSTRAINT "match_ranking_results_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_ranking_results" ADD CONSTRAINT "match_ranking_results_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rankings" ADD CONSTRAINT "match_rankings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rankings" ADD CONSTRAINT "match_rankings_posting_id_job_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."job_postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rankings" ADD CONSTRAINT "match_rankings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_attestations" ADD CONSTRAINT "profile_attestations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_attestations" ADD CONSTRAINT "profile_attestations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_attestations" ADD CONSTRAINT "profile_attestations_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tailorings" ADD CONSTRAINT "tailorings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tailorings" ADD CONSTRAINT "tailorings_posting_id_job_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."job_postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tailorings" ADD CONSTRAINT "tailorings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tailorings" ADD CONSTRAINT "tailorings_result_profile_id_profiles_id_fk" FOREIGN KEY ("result_profile_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tailorings" ADD CONSTRAINT "tailorings_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_ranking_results_page_idx" ON "match_ranking_results" USING btree ("ranking_id","score" DESC NULLS LAST,"profile_id");--> statement-breakpoint
CREATE INDEX "match_ranking_results_profile_id_idx" ON "match_ranking_results" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "match_ranking_results_workspace_id_idx" ON "match_ranking_results" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "match_rankings_workspace_posting_created_idx" ON "match_rankings" USING btree ("workspace_id","posting_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "match_rankings_posting_id_idx" ON "match_rankings" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "match_rankings_requested_by_idx" ON "match_rankings" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "profile_attestations_workspace_id_idx" ON "profile_attestations" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "profile_attestations_created_by_idx" ON "profile_attestations" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "tailorings_workspace_id_idx" ON "tailorings" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "tailorings_profile_id_idx" ON "tailorings" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "tailorings_posting_id_idx" ON "tailorings" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "tailorings_requested_by_idx" ON "tailorings" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "tailorings_result_profile_id_idx" ON "tailorings" USING btree ("result_profile_id");--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_parent_fk" FOREIGN KEY ("parent_profile_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_document_parsed_key" ON "profiles" USING btree ("document_id") WHERE source = 'parsed';--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_tailoring_id_key" ON "profiles" USING btree ("tailoring_id");--> statement-breakpoint
CREATE INDEX "profiles_document_id_idx" ON "profiles" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "profiles_parent_profile_id_idx" ON "profiles" USING btree ("parent_profile_id");--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_source_valid" CHECK (source in ('parsed', 'tailored'));--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_parsed_has_no_parent" CHECK (source = 'tailored' or (parent_profile_id is null and tailoring_id is null));