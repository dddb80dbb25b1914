CREATE TABLE "invoice_notices" (
	"invoice_id" integer NOT NULL,
	"kind" varchar(16) NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_notices_invoice_id_kind_pk" PRIMARY KEY("invoice_id","kind")
);
--> statement-breakpoint
CREATE TABLE "renewal_claims" (
	"item_type" varchar(16) NOT NULL,
	"item_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"invoice_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_claims_item_type_item_id_period_start_pk" PRIMARY KEY("item_type","item_id","period_start")
);
--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "gateway_payment_id" varchar(200);--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "invoice_notices" ADD CONSTRAINT "invoice_notices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_claims" ADD CONSTRAINT "renewal_claims_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;