CREATE TABLE "sandbox_registry_domains" (
	"name" varchar(253) PRIMARY KEY NOT NULL,
	"status" varchar(20) NOT NULL,
	"expiry_date" date,
	"locked" boolean DEFAULT true NOT NULL,
	"id_protection" boolean DEFAULT false NOT NULL,
	"nameservers" varchar(253)[] NOT NULL,
	"contacts" jsonb,
	"epp_code" varchar(32) NOT NULL,
	"private_nameservers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transfer_requested_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
