CREATE TABLE "diagnosis_input_parts" (
	"diagnosis_id" text NOT NULL,
	"piece" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "diagnosis_input_parts_diagnosis_id_piece_pk" PRIMARY KEY("diagnosis_id","piece")
);
--> statement-breakpoint
ALTER TABLE "diagnosis_input_parts" ADD CONSTRAINT "diagnosis_input_parts_diagnosis_id_diagnoses_id_fk" FOREIGN KEY ("diagnosis_id") REFERENCES "public"."diagnoses"("id") ON DELETE cascade ON UPDATE no action;