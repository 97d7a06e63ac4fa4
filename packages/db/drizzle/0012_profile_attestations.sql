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
ALTER TABLE "profile_attestations" ADD CONSTRAINT "profile_attestations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_attestations" ADD CONSTRAINT "profile_attestations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_attestations" ADD CONSTRAINT "profile_attestations_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_attestations_workspace_id_idx" ON "profile_attestations" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "profile_attestations_created_by_idx" ON "profile_attestations" USING btree ("created_by");