CREATE TABLE "kb_hidden_categories" (
	"category_id" integer PRIMARY KEY NOT NULL,
	"hidden_by_staff_user_id" integer,
	"hidden_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_hidden_categories" ADD CONSTRAINT "kb_hidden_categories_category_id_kb_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."kb_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_hidden_categories" ADD CONSTRAINT "kb_hidden_categories_hidden_by_staff_user_id_staff_users_id_fk" FOREIGN KEY ("hidden_by_staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;