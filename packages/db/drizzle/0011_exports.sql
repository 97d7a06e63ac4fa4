CREATE TYPE "public"."export_status" AS ENUM('queued', 'running', 'ready', 'failed', 'expired');--> statement-breakpoint
CREATE TABLE "exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_by" uuid,
	"profile_id" uuid,
	"import_id" uuid,
	"format" text NOT NULL,
	"template" text,
	"invalid_rows" text,
	"ledger" jsonb,
	"status" "export_status" DEFAULT 'queued' NOT NULL,
	"object_key" text NOT NULL,
	"content_type" text NOT NULL,
	"filename" text NOT NULL,
	"size" bigint,
	"sha256" text,
	"error_code" text,
	"ttl_seconds" integer NOT NULL,
	"stored_bytes_limit" bigint NOT NULL,
	"expires_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exports_format" CHECK ("exports"."format" in ('html', 'pdf', 'docx', 'csv', 'json', 'ndjson', 'xml')),
	CONSTRAINT "exports_source" CHECK (("exports"."profile_id" is not null and "exports"."import_id" is null
        and "exports"."format" in ('html', 'pdf', 'docx')
        and "exports"."template" is not null and "exports"."invalid_rows" is null and "exports"."ledger" is null)
      or ("exports"."import_id" is not null and "exports"."profile_id" is null
        and "exports"."format" in ('csv', 'json', 'ndjson', 'xml')
        and "exports"."template" is null
        and "exports"."invalid_rows" in ('exclude', 'include'))),
	CONSTRAINT "exports_size_non_negative" CHECK ("exports"."size" is null or "exports"."size" >= 0),
	CONSTRAINT "exports_sha256_hex" CHECK ("exports"."sha256" is null or "exports"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "exports_ttl_positive" CHECK ("exports"."ttl_seconds" > 0)
);
--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exports_workspace_id_created_at_idx" ON "exports" USING btree ("workspace_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "exports_expires_at_idx" ON "exports" USING btree ("expires_at") WHERE "exports"."status" in ('ready', 'failed');--> statement-breakpoint
CREATE INDEX "exports_created_by_idx" ON "exports" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "exports_object_key_key" ON "exports" USING btree ("object_key");