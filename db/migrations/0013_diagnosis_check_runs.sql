CREATE TABLE "diagnosis_check_runs" (
	"diagnosis_id" text NOT NULL,
	"finding_index" integer NOT NULL,
	"kind" text NOT NULL,
	"result" jsonb NOT NULL,
	"ran_by" text,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnosis_check_runs_diagnosis_id_finding_index_kind_pk" PRIMARY KEY("diagnosis_id","finding_index","kind")
);
--> statement-breakpoint
ALTER TABLE "diagnosis_check_runs" ADD CONSTRAINT "diagnosis_check_runs_diagnosis_id_diagnoses_id_fk" FOREIGN KEY ("diagnosis_id") REFERENCES "public"."diagnoses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnosis_check_runs" ADD CONSTRAINT "diagnosis_check_runs_ran_by_user_id_fk" FOREIGN KEY ("ran_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;