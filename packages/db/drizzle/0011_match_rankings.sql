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
ALTER TABLE "match_ranking_results" ADD CONSTRAINT "match_ranking_results_ranking_id_match_rankings_id_fk" FOREIGN KEY ("ranking_id") REFERENCES "public"."match_rankings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_ranking_results" ADD CONSTRAINT "match_ranking_results_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_ranking_results" ADD CONSTRAINT "match_ranking_results_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rankings" ADD CONSTRAINT "match_rankings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rankings" ADD CONSTRAINT "match_rankings_posting_id_job_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."job_postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rankings" ADD CONSTRAINT "match_rankings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_ranking_results_page_idx" ON "match_ranking_results" USING btree ("ranking_id","score" DESC NULLS LAST,"profile_id");--> statement-breakpoint
CREATE INDEX "match_ranking_results_profile_id_idx" ON "match_ranking_results" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "match_ranking_results_workspace_id_idx" ON "match_ranking_results" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "match_rankings_workspace_posting_created_idx" ON "match_rankings" USING btree ("workspace_id","posting_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "match_rankings_posting_id_idx" ON "match_rankings" USING btree ("posting_id");--> statement-breakpoint
CREATE INDEX "match_rankings_requested_by_idx" ON "match_rankings" USING btree ("requested_by");