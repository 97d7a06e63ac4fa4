-- Added by hand: drizzle-kit does not model functions. array_to_string is only STABLE (it formats any
-- element type) and generated columns accept IMMUTABLE functions only; for text[] the result is fixed.
CREATE OR REPLACE FUNCTION "vitae_text_array_to_string"(text[]) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT coalesce(pg_catalog.array_to_string($1, ' '), '') $$;--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('uploaded', 'processing', 'ready', 'failed');--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"detected_type" text,
	"size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"status" "document_status" DEFAULT 'uploaded' NOT NULL,
	"error_code" text,
	"error_message" text,
	"sha256" text,
	"page_count" integer,
	"text" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalized_at" timestamp with time zone,
	CONSTRAINT "documents_id_workspace_id_key" UNIQUE("id","workspace_id"),
	CONSTRAINT "documents_size_non_negative" CHECK ("documents"."size" >= 0),
	CONSTRAINT "documents_page_count_non_negative" CHECK ("documents"."page_count" is null or "documents"."page_count" >= 0),
	CONSTRAINT "documents_sha256_format" CHECK ("documents"."sha256" is null or "documents"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "education" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"school" text NOT NULL,
	"degree" text,
	"field" text,
	"start_month" date,
	"end_month" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(school, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(degree, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(field, '')), 'B')) STORED NOT NULL,
	CONSTRAINT "education_months_first_of_month" CHECK (extract(day from "education"."start_month") = 1 and extract(day from "education"."end_month") = 1)
);
--> statement-breakpoint
CREATE TABLE "experiences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"company" text NOT NULL,
	"title" text NOT NULL,
	"start_month" date,
	"end_month" date,
	"is_current" boolean DEFAULT false NOT NULL,
	"location" text,
	"bullets" text[] DEFAULT '{}'::text[] NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(company, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, vitae_text_array_to_string(bullets)), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(location, '')), 'C') || setweight(to_tsvector('english'::regconfig, vitae_text_array_to_string(technologies)), 'C')) STORED NOT NULL,
	CONSTRAINT "experiences_months_first_of_month" CHECK (extract(day from "experiences"."start_month") = 1 and extract(day from "experiences"."end_month") = 1),
	CONSTRAINT "experiences_current_has_no_end" CHECK (not ("experiences"."is_current" and "experiences"."end_month" is not null))
);
--> statement-breakpoint
CREATE TABLE "llm_usage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid,
	"operation" text NOT NULL,
	"model" text NOT NULL,
	"prompt_id" text,
	"prompt_version" integer,
	"tokens_in" integer,
	"tokens_out" integer,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"cached" boolean DEFAULT false NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "llm_usage_non_negative" CHECK (coalesce("llm_usage"."tokens_in", 0) >= 0 and coalesce("llm_usage"."tokens_out", 0) >= 0 and "llm_usage"."latency_ms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "profile_skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"technology_id" uuid,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"raw" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"name" text,
	"headline" text,
	"summary" text,
	"email" text,
	"phone" text,
	"location" text,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"parser" text NOT NULL,
	"parser_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(headline, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'C')) STORED NOT NULL,
	CONSTRAINT "profiles_id_workspace_id_key" UNIQUE("id","workspace_id"),
	CONSTRAINT "profiles_parser_valid" CHECK (parser in ('heuristic', 'llm'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"url" text,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B') || setweight(to_tsvector('english'::regconfig, vitae_text_array_to_string(technologies)), 'C')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "technologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education" ADD CONSTRAINT "education_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education" ADD CONSTRAINT "education_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiences" ADD CONSTRAINT "experiences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiences" ADD CONSTRAINT "experiences_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "llm_usage" ADD CONSTRAINT "llm_usage_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_skills" ADD CONSTRAINT "profile_skills_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_skills" ADD CONSTRAINT "profile_skills_technology_id_technologies_id_fk" FOREIGN KEY ("technology_id") REFERENCES "public"."technologies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_skills" ADD CONSTRAINT "profile_skills_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_document_fk" FOREIGN KEY ("document_id","workspace_id") REFERENCES "public"."documents"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_workspace_id_created_at_idx" ON "documents" USING btree ("workspace_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "documents_storage_key_key" ON "documents" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "documents_uploaded_by_idx" ON "documents" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "documents_unfinalized_created_at_idx" ON "documents" USING btree ("created_at") WHERE status = 'uploaded' and finalized_at is null;--> statement-breakpoint
CREATE INDEX "education_profile_id_position_idx" ON "education" USING btree ("profile_id","position");--> statement-breakpoint
CREATE INDEX "education_workspace_id_idx" ON "education" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "education_search_idx" ON "education" USING gin ("search");--> statement-breakpoint
CREATE INDEX "experiences_profile_id_position_idx" ON "experiences" USING btree ("profile_id","position");--> statement-breakpoint
CREATE INDEX "experiences_workspace_id_idx" ON "experiences" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "experiences_search_idx" ON "experiences" USING gin ("search");--> statement-breakpoint
CREATE INDEX "llm_usage_workspace_id_created_at_idx" ON "llm_usage" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "profile_skills_profile_id_position_idx" ON "profile_skills" USING btree ("profile_id","position");--> statement-breakpoint
CREATE INDEX "profile_skills_workspace_id_idx" ON "profile_skills" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "profile_skills_technology_id_idx" ON "profile_skills" USING btree ("technology_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_document_id_key" ON "profiles" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "profiles_workspace_id_idx" ON "profiles" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "profiles_search_idx" ON "profiles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "projects_profile_id_position_idx" ON "projects" USING btree ("profile_id","position");--> statement-breakpoint
CREATE INDEX "projects_workspace_id_idx" ON "projects" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "projects" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "technologies_name_key" ON "technologies" USING btree ("name");