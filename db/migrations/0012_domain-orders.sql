CREATE TABLE "domain_order_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "domain_order_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"domain_id" integer NOT NULL,
	"invoice_id" integer NOT NULL,
	"order_id" integer,
	"action" varchar(16) NOT NULL,
	"years" integer DEFAULT 1 NOT NULL,
	"id_protection" boolean DEFAULT false NOT NULL,
	"epp_code" varchar(128),
	"state" varchar(20) DEFAULT 'awaiting_payment' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" varchar(40),
	"claimed_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domain_reminder_claims" (
	"domain_id" integer NOT NULL,
	"expiry_date" date NOT NULL,
	"step" varchar(16) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_reminder_claims_domain_id_expiry_date_step_pk" PRIMARY KEY("domain_id","expiry_date","step")
);
--> statement-breakpoint
ALTER TABLE "cart_items" ADD COLUMN "domain_id" integer;--> statement-breakpoint
ALTER TABLE "cart_items" ADD COLUMN "id_protection" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_items" ADD COLUMN "dns_management" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_items" ADD COLUMN "email_forwarding" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_items" ADD COLUMN "epp_code" varchar(128);--> statement-breakpoint
ALTER TABLE "domain_order_items" ADD CONSTRAINT "domain_order_items_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_order_items" ADD CONSTRAINT "domain_order_items_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "domain_reminder_claims" ADD CONSTRAINT "domain_reminder_claims_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domain_order_items_invoice_id_index" ON "domain_order_items" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "domain_order_items_client_id_domain_id_index" ON "domain_order_items" USING btree ("client_id","domain_id");--> statement-breakpoint
CREATE INDEX "domain_order_items_open" ON "domain_order_items" USING btree ("state") WHERE "domain_order_items"."state" in ('queued', 'processing', 'failed');