CREATE TABLE "chat_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"session_id" uuid,
	"share_link_id" uuid,
	"type" text NOT NULL,
	"intent" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_events_type_valid" CHECK (type in ('asked', 'refused', 'unanswered', 'voice', 'session-started'))
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"principal_kind" text NOT NULL,
	"principal_id" uuid NOT NULL,
	"share_link_id" uuid,
	"turn_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_sessions_id_workspace_id_profile_id_key" UNIQUE("id","workspace_id","profile_id"),
	CONSTRAINT "chat_sessions_principal_kind_valid" CHECK (principal_kind in ('user', 'apiKey', 'share')),
	CONSTRAINT "chat_sessions_share_principal" CHECK (("chat_sessions"."principal_kind" = 'share') = ("chat_sessions"."share_link_id" is not null) and ("chat_sessions"."share_link_id" is null or "chat_sessions"."share_link_id" = "chat_sessions"."principal_id")),
	CONSTRAINT "chat_sessions_turn_count_non_negative" CHECK ("chat_sessions"."turn_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "chat_turns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"mode" text NOT NULL,
	"fallback" text,
	"intent" text NOT NULL,
	"refusal_code" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"model" text,
	"tokens_in" integer,
	"tokens_out" integer,
	"cache_hit" boolean DEFAULT false NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"timings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"input" text DEFAULT 'text' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_turns_mode_valid" CHECK (mode in ('llm', 'basic')),
	CONSTRAINT "chat_turns_input_valid" CHECK (input in ('text', 'voice')),
	CONSTRAINT "chat_turns_position_positive" CHECK ("chat_turns"."position" >= 1),
	CONSTRAINT "chat_turns_non_negative" CHECK (coalesce("chat_turns"."tokens_in", 0) >= 0 and coalesce("chat_turns"."tokens_out", 0) >= 0 and "chat_turns"."latency_ms" >= 0),
	CONSTRAINT "chat_turns_json_shapes" CHECK (jsonb_typeof("chat_turns"."sources") = 'array' and jsonb_typeof("chat_turns"."cards") = 'array' and jsonb_typeof("chat_turns"."timings") = 'object')
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"created_by" uuid,
	"token_hash" text NOT NULL,
	"label" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "share_links_id_workspace_id_profile_id_key" UNIQUE("id","workspace_id","profile_id"),
	CONSTRAINT "share_links_token_hash_format" CHECK ("share_links"."token_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "chat_events" ADD CONSTRAINT "chat_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_events" ADD CONSTRAINT "chat_events_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_events" ADD CONSTRAINT "chat_events_session_fk" FOREIGN KEY ("session_id","workspace_id","profile_id") REFERENCES "public"."chat_sessions"("id","workspace_id","profile_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_events" ADD CONSTRAINT "chat_events_share_link_fk" FOREIGN KEY ("share_link_id","workspace_id","profile_id") REFERENCES "public"."share_links"("id","workspace_id","profile_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_share_link_fk" FOREIGN KEY ("share_link_id","workspace_id","profile_id") REFERENCES "public"."share_links"("id","workspace_id","profile_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_turns" ADD CONSTRAINT "chat_turns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_turns" ADD CONSTRAINT "chat_turns_session_fk" FOREIGN KEY ("session_id","workspace_id","profile_id") REFERENCES "public"."chat_sessions"("id","workspace_id","profile_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_turns" ADD CONSTRAINT "chat_turns_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_profile_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_events_share_link_id_created_at_idx" ON "chat_events" USING btree ("share_link_id","created_at");--> statement-breakpoint
CREATE INDEX "chat_events_profile_id_created_at_idx" ON "chat_events" USING btree ("profile_id","created_at");--> statement-breakpoint
CREATE INDEX "chat_events_session_id_idx" ON "chat_events" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "chat_events_workspace_id_idx" ON "chat_events" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "chat_sessions_workspace_id_profile_id_idx" ON "chat_sessions" USING btree ("workspace_id","profile_id");--> statement-breakpoint
CREATE INDEX "chat_sessions_share_link_id_idx" ON "chat_sessions" USING btree ("share_link_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_turns_session_id_position_key" ON "chat_turns" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "chat_turns_profile_id_created_at_idx" ON "chat_turns" USING btree ("profile_id","created_at");--> statement-breakpoint
CREATE INDEX "chat_turns_workspace_id_idx" ON "chat_turns" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "share_links_token_hash_key" ON "share_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "share_links_workspace_id_profile_id_created_at_idx" ON "share_links" USING btree ("workspace_id","profile_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "share_links_created_by_idx" ON "share_links" USING btree ("created_by");