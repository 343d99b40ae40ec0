ALTER TABLE "error_entries" ADD COLUMN "needs_review_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "error_entries" ADD COLUMN "seed_facts_hash" text;