CREATE TYPE "public"."import_row_status" AS ENUM('valid', 'invalid', 'empty', 'duplicate');--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'validating';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'validated';--> statement-breakpoint
CREATE TABLE "import_rows" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"status" "import_row_status" NOT NULL,
	"codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"cells" jsonb NOT NULL,
	"record" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	CONSTRAINT "import_rows_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "fixes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "ledger" jsonb;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_rows_import_id_status_line_idx" ON "import_rows" USING btree ("import_id","status","line");