CREATE TABLE "profile_match_features" (
	"profile_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_version" text NOT NULL,
	"features_version" text NOT NULL,
	"features" json NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "profile_match_features" ADD CONSTRAINT "profile_match_features_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_match_features" ADD CONSTRAINT "profile_match_features_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_match_features_workspace_id_idx" ON "profile_match_features" USING btree ("workspace_id");