CREATE TABLE "dns_redirects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dns_redirects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"domain_id" integer NOT NULL,
	"host" varchar(253) NOT NULL,
	"hostname" varchar(253) NOT NULL,
	"kind" varchar(10) NOT NULL,
	"target" varchar(2000) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dns_redirects_kind" CHECK ("dns_redirects"."kind" in ('redirect', 'frame'))
);
--> statement-breakpoint
CREATE TABLE "sandbox_dns_zones" (
	"name" varchar(253) PRIMARY KEY NOT NULL,
	"nameservers" varchar(253)[] NOT NULL,
	"records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dns_records" ADD COLUMN "weight" integer;--> statement-breakpoint
ALTER TABLE "dns_records" ADD COLUMN "port" integer;--> statement-breakpoint
ALTER TABLE "dns_records" ADD COLUMN "flags" integer;--> statement-breakpoint
ALTER TABLE "dns_records" ADD COLUMN "tag" varchar(16);--> statement-breakpoint
ALTER TABLE "dns_redirects" ADD CONSTRAINT "dns_redirects_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dns_redirects" ADD CONSTRAINT "dns_redirects_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dns_redirects_hostname_index" ON "dns_redirects" USING btree ("hostname");--> statement-breakpoint
CREATE INDEX "dns_redirects_domain_id_index" ON "dns_redirects" USING btree ("domain_id");--> statement-breakpoint
CREATE INDEX "dns_records_client_id_index" ON "dns_records" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_forwards_domain_id_local_part_index" ON "email_forwards" USING btree ("domain_id","local_part");--> statement-breakpoint
CREATE INDEX "email_forwards_client_id_index" ON "email_forwards" USING btree ("client_id");