CREATE TYPE "public"."import_status" AS ENUM('uploaded', 'analysing', 'mapped', 'failed');--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"entity" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"status" "import_status" DEFAULT 'uploaded' NOT NULL,
	"error_code" text,
	"upload_key" text NOT NULL,
	"sniff" jsonb,
	"columns" jsonb,
	"mapping" jsonb,
	"header_fingerprint" text,
	"current_run_id" uuid,
	"finalized_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_size_non_negative" CHECK ("imports"."size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mapping_memory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"header_fingerprint" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"learned_aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_memory" ADD CONSTRAINT "mapping_memory_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_workspace_id_created_at_idx" ON "imports" USING btree ("workspace_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "imports_upload_key_key" ON "imports" USING btree ("upload_key");--> statement-breakpoint
CREATE INDEX "imports_uploaded_by_idx" ON "imports" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_memory_workspace_entity_fingerprint_key" ON "mapping_memory" USING btree ("workspace_id","entity","header_fingerprint");