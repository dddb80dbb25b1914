CREATE TABLE "verifactu_chain_heads" (
	"issuer_tax_id" varchar(20) PRIMARY KEY NOT NULL,
	"last_record_id" integer,
	"last_hash" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "verifactu_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "verifactu_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"invoice_id" integer NOT NULL,
	"issuer_tax_id" varchar(20) NOT NULL,
	"issuer_name" varchar(200) NOT NULL,
	"invoice_number" varchar(60) NOT NULL,
	"issue_date" date NOT NULL,
	"invoice_type" varchar(2) NOT NULL,
	"tax_breakdown" jsonb NOT NULL,
	"tax_total" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'EUR' NOT NULL,
	"previous_hash" varchar(64),
	"hash" varchar(64) NOT NULL,
	"generated_at" varchar(32) NOT NULL,
	"submission_status" varchar(16) DEFAULT 'pending' NOT NULL,
	"submission_error" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "verifactu_records" ADD CONSTRAINT "verifactu_records_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "verifactu_records_invoice_id_index" ON "verifactu_records" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "verifactu_records_issuer_tax_id_id_index" ON "verifactu_records" USING btree ("issuer_tax_id","id");--> statement-breakpoint
CREATE INDEX "verifactu_records_submission_status_index" ON "verifactu_records" USING btree ("submission_status");--> statement-breakpoint
-- A billing record is immutable once written (Real Decreto 1007/2023): only its submission state may change, and it is never deleted.
CREATE FUNCTION "verifactu_records_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'verifactu_records are immutable: a correction is a new rectifying record';
  END IF;
  IF (NEW."invoice_id", NEW."issuer_tax_id", NEW."issuer_name", NEW."invoice_number", NEW."issue_date", NEW."invoice_type",
      NEW."tax_breakdown", NEW."tax_total", NEW."total", NEW."currency", NEW."previous_hash", NEW."hash", NEW."generated_at")
     IS DISTINCT FROM
     (OLD."invoice_id", OLD."issuer_tax_id", OLD."issuer_name", OLD."invoice_number", OLD."issue_date", OLD."invoice_type",
      OLD."tax_breakdown", OLD."tax_total", OLD."total", OLD."currency", OLD."previous_hash", OLD."hash", OLD."generated_at") THEN
    RAISE EXCEPTION 'verifactu_records are immutable: only the submission state may change';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "verifactu_records_immutable" BEFORE UPDATE OR DELETE ON "verifactu_records" FOR EACH ROW EXECUTE FUNCTION "verifactu_records_immutable"();
