CREATE TABLE "api_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "diagnoses" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"input_kind" text NOT NULL,
	"input_redacted" text NOT NULL,
	"request_id" text,
	"ticket_ref" text,
	"result" jsonb NOT NULL,
	"outcome" text,
	"outcome_reason" text,
	"outcome_by" text,
	"outcome_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnosis_checks" (
	"diagnosis_id" text NOT NULL,
	"finding_index" integer NOT NULL,
	"step_index" integer NOT NULL,
	"done" boolean NOT NULL,
	"checked_by" text,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnosis_checks_diagnosis_id_finding_index_step_index_pk" PRIMARY KEY("diagnosis_id","finding_index","step_index")
);
--> statement-breakpoint
CREATE TABLE "diagnosis_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"diagnosis_id" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"product" text,
	"action" text,
	"api_version" text,
	"region" text,
	"http_status" integer,
	"code" text,
	"message" text,
	"caller" text,
	"source_ip" text,
	"user_agent" text,
	"raw" jsonb NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_outcome_by_user_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis_checks" ADD CONSTRAINT "diagnosis_checks_diagnosis_id_diagnoses_id_fk" FOREIGN KEY ("diagnosis_id") REFERENCES "public"."diagnoses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis_checks" ADD CONSTRAINT "diagnosis_checks_checked_by_user_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis_notes" ADD CONSTRAINT "diagnosis_notes_diagnosis_id_diagnoses_id_fk" FOREIGN KEY ("diagnosis_id") REFERENCES "public"."diagnoses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis_notes" ADD CONSTRAINT "diagnosis_notes_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "diagnoses_request_id_idx" ON "diagnoses" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "diagnoses_created_at_idx" ON "diagnoses" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "diagnosis_notes_diagnosis_idx" ON "diagnosis_notes" USING btree ("diagnosis_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_events_request_id_key" ON "request_events" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_events_occurred_at_idx" ON "request_events" USING btree ("occurred_at");