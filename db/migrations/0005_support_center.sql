CREATE TABLE "kb_article_votes" (
	"article_id" integer NOT NULL,
	"voter_key" varchar(64) NOT NULL,
	"helpful" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_article_votes_article_id_voter_key_pk" PRIMARY KEY("article_id","voter_key")
);
--> statement-breakpoint
CREATE TABLE "network_issue_notices" (
	"issue_id" integer NOT NULL,
	"client_id" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_issue_notices_issue_id_client_id_pk" PRIMARY KEY("issue_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "network_issue_servers" (
	"issue_id" integer NOT NULL,
	"server_id" integer NOT NULL,
	CONSTRAINT "network_issue_servers_issue_id_server_id_pk" PRIMARY KEY("issue_id","server_id")
);
--> statement-breakpoint
CREATE TABLE "network_issue_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "network_issue_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"issue_id" integer NOT NULL,
	"status" varchar(16) NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_checks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "server_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"server_id" integer NOT NULL,
	"reachable" boolean NOT NULL,
	"latency_ms" integer,
	"error" varchar(200),
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "downloads" ADD COLUMN "required_product_id" integer;--> statement-breakpoint
ALTER TABLE "ticket_departments" ADD COLUMN "permission" varchar(32);--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "domain_id" integer;--> statement-breakpoint
ALTER TABLE "kb_article_votes" ADD CONSTRAINT "kb_article_votes_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_issue_notices" ADD CONSTRAINT "network_issue_notices_issue_id_network_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."network_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_issue_notices" ADD CONSTRAINT "network_issue_notices_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_issue_servers" ADD CONSTRAINT "network_issue_servers_issue_id_network_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."network_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_issue_servers" ADD CONSTRAINT "network_issue_servers_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_issue_updates" ADD CONSTRAINT "network_issue_updates_issue_id_network_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."network_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_checks" ADD CONSTRAINT "server_checks_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_issue_servers_server_id_index" ON "network_issue_servers" USING btree ("server_id");--> statement-breakpoint
CREATE INDEX "network_issue_updates_issue_id_created_at_index" ON "network_issue_updates" USING btree ("issue_id","created_at");--> statement-breakpoint
CREATE INDEX "server_checks_server_id_checked_at_index" ON "server_checks" USING btree ("server_id","checked_at");--> statement-breakpoint
ALTER TABLE "downloads" ADD CONSTRAINT "downloads_required_product_id_products_id_fk" FOREIGN KEY ("required_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_articles_search" ON "kb_articles" USING gin ((setweight(to_tsvector('spanish', "title"), 'A') || setweight(to_tsvector('spanish', "body"), 'B')));