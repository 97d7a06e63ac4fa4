ALTER TABLE "job_postings" ADD COLUMN "extraction_mode" text DEFAULT 'deterministic' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "extraction_fallback" text;--> statement-breakpoint
ALTER TABLE "tailorings" ADD COLUMN "fallback" text;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_extraction_mode_valid" CHECK (extraction_mode in ('deterministic', 'llm'));--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_extraction_fallback_valid" CHECK (extraction_fallback is null or extraction_fallback in ('llm-error', 'llm-limit'));--> statement-breakpoint
ALTER TABLE "tailorings" ADD CONSTRAINT "tailorings_fallback_valid" CHECK (fallback is null or fallback in ('llm-error', 'llm-limit'));