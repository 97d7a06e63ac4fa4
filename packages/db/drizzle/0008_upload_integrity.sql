CREATE TABLE "voice_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"size" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voice_uploads_size_non_negative" CHECK ("voice_uploads"."size" >= 0)
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "upload_key" text;--> statement-breakpoint
ALTER TABLE "voice_uploads" ADD CONSTRAINT "voice_uploads_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "voice_uploads_storage_key_key" ON "voice_uploads" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "voice_uploads_created_at_idx" ON "voice_uploads" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_upload_key_key" ON "documents" USING btree ("upload_key");