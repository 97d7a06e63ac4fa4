ALTER TABLE "profile_skills" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, name || ' ' || raw)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "documents_workspace_id_sha256_idx" ON "documents" USING btree ("workspace_id","sha256") WHERE sha256 is not null;--> statement-breakpoint
CREATE INDEX "profile_skills_search_idx" ON "profile_skills" USING gin ("search");--> statement-breakpoint
CREATE INDEX "profiles_workspace_id_email_idx" ON "profiles" USING btree ("workspace_id",lower("email")) WHERE source = 'parsed' and email is not null;