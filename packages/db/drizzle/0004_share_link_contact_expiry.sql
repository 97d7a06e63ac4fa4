-- Links made before every link had to expire get the default 30 days from now (not from their creation,
-- so none dies the moment this runs); contact details are hidden on all of them until an owner opts in.
UPDATE "share_links" SET "expires_at" = now() + interval '30 days' WHERE "expires_at" IS NULL;--> statement-breakpoint
ALTER TABLE "share_links" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN "show_contact" boolean DEFAULT false NOT NULL;
