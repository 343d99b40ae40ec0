CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "auth_throttle_expires_at_idx" ON "auth_throttle" USING btree ("expires_at");--> statement-breakpoint
-- Failed sign-ins per email used to be counted in Better Auth's rate_limit table under `account:` keys.
DELETE FROM "rate_limit" WHERE "key" LIKE 'account:%';
