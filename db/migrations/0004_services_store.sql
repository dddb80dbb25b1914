CREATE TABLE "product_config_choice_prices" (
	"choice_id" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'EUR' NOT NULL,
	"billing_cycle" varchar(16) NOT NULL,
	"setup_fee" integer DEFAULT 0 NOT NULL,
	"price" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "product_config_choice_prices_choice_id_currency_billing_cycle_pk" PRIMARY KEY("choice_id","currency","billing_cycle")
);
--> statement-breakpoint
CREATE TABLE "product_config_choices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "product_config_choices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"option_id" integer NOT NULL,
	"label" varchar(100) NOT NULL,
	"panel_value" varchar(100),
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_config_options" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "product_config_options_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"product_id" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"type" varchar(16) DEFAULT 'select' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cart_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cart_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cart_id" integer NOT NULL,
	"client_id" integer NOT NULL,
	"kind" varchar(20) NOT NULL,
	"product_id" integer,
	"addon_id" integer,
	"service_id" integer,
	"billing_cycle" varchar(16),
	"domain" varchar(253),
	"domain_choice" varchar(16),
	"domain_years" integer,
	"config_choices" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "carts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"promo_code" varchar(50),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carts_clientId_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" integer NOT NULL,
	"reference" varchar(32) NOT NULL,
	"invoice_id" integer,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"promo_code_id" integer,
	"created_by_contact_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "promo_codes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promo_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" varchar(50) NOT NULL,
	"type" varchar(16) NOT NULL,
	"value" integer NOT NULL,
	"recurring" boolean DEFAULT false NOT NULL,
	"product_ids" integer[] DEFAULT '{}' NOT NULL,
	"expires_at" timestamp with time zone,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promo_redemptions" (
	"promo_code_id" integer NOT NULL,
	"order_id" integer NOT NULL,
	"client_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promo_redemptions_promo_code_id_order_id_pk" PRIMARY KEY("promo_code_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_panel_accounts" (
	"username" varchar(16) PRIMARY KEY NOT NULL,
	"domain" varchar(253) NOT NULL,
	"plan" varchar(100) NOT NULL,
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"password_hash" text,
	"disk_used_mb" integer DEFAULT 0 NOT NULL,
	"disk_limit_mb" integer,
	"bandwidth_used_mb" integer DEFAULT 0 NOT NULL,
	"bandwidth_limit_mb" integer,
	"mailboxes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_panel_sessions" (
	"token_hash" varchar(64) PRIMARY KEY NOT NULL,
	"username" varchar(16) NOT NULL,
	"service" varchar(16) NOT NULL,
	"app" varchar(64),
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "server_group" varchar(50);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "requires_domain" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "features" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "cancellation_requests" ADD COLUMN "effective_date" date;--> statement-breakpoint
ALTER TABLE "cancellation_requests" ADD COLUMN "processed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "port" integer DEFAULT 2087 NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "username" varchar(32) DEFAULT 'root' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "token_env" varchar(64);--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "server_group" varchar(50) DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "max_accounts" integer DEFAULT 200 NOT NULL;--> statement-breakpoint
ALTER TABLE "servers" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "order_id" integer;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "provision_state" varchar(16);--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "provision_error" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "provision_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "provisioned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "product_config_choice_prices" ADD CONSTRAINT "product_config_choice_prices_choice_id_product_config_choices_id_fk" FOREIGN KEY ("choice_id") REFERENCES "public"."product_config_choices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_config_choices" ADD CONSTRAINT "product_config_choices_option_id_product_config_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."product_config_options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_config_options" ADD CONSTRAINT "product_config_options_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_addon_id_addons_id_fk" FOREIGN KEY ("addon_id") REFERENCES "public"."addons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_promo_code_id_promo_codes_id_fk" FOREIGN KEY ("promo_code_id") REFERENCES "public"."promo_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_promo_code_id_promo_codes_id_fk" FOREIGN KEY ("promo_code_id") REFERENCES "public"."promo_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_config_choices_option_id_sort_order_index" ON "product_config_choices" USING btree ("option_id","sort_order");--> statement-breakpoint
CREATE INDEX "product_config_options_product_id_sort_order_index" ON "product_config_options" USING btree ("product_id","sort_order");--> statement-breakpoint
CREATE INDEX "cart_items_cart_id_index" ON "cart_items" USING btree ("cart_id");--> statement-breakpoint
CREATE INDEX "cart_items_client_id_index" ON "cart_items" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "orders_client_id_created_at_index" ON "orders" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_invoice_id_index" ON "orders" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promo_codes_code_upper" ON "promo_codes" USING btree (upper("code"));--> statement-breakpoint
CREATE INDEX "sandbox_panel_sessions_username_index" ON "sandbox_panel_sessions" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "cancellation_requests_one_open_per_service" ON "cancellation_requests" USING btree ("service_id") WHERE "cancellation_requests"."status" = 'open';