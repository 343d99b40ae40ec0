ALTER TABLE "diagnoses" ADD COLUMN "codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD COLUMN "suggested_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD COLUMN "unmatched_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "diagnoses_created_by_idx" ON "diagnoses" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "diagnoses_outcome_idx" ON "diagnoses" USING btree ("outcome","created_at");--> statement-breakpoint
CREATE INDEX "diagnoses_ticket_ref_prefix_idx" ON "diagnoses" USING btree (lower("ticket_ref") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "diagnoses_codes_idx" ON "diagnoses" USING gin ("codes");--> statement-breakpoint
CREATE INDEX "diagnoses_uncovered_idx" ON "diagnoses" USING btree ("created_at") WHERE "diagnoses"."suggested_codes" <> '{}'::text[] or "diagnoses"."unmatched_codes" <> '{}'::text[];