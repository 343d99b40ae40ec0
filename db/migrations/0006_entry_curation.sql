CREATE TABLE "entry_redirects" (
	"from_code" text PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "error_entries" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "error_entries" ADD COLUMN "retired_reason" text;--> statement-breakpoint
ALTER TABLE "entry_redirects" ADD CONSTRAINT "entry_redirects_entry_id_error_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."error_entries"("id") ON DELETE cascade ON UPDATE no action;