ALTER TABLE "documents" ADD COLUMN "current_run_id" uuid;--> statement-breakpoint
-- Documents ingested before runs had their own ids were ingested by the run named after the document.
UPDATE "documents" SET "current_run_id" = "id" WHERE "current_run_id" IS NULL;
