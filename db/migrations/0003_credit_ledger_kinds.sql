ALTER TABLE "credit_ledger_entries" ALTER COLUMN "description" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD COLUMN "payment_attempt_id" integer;--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD COLUMN "description_key" varchar(64);--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD COLUMN "description_params" jsonb;--> statement-breakpoint
-- Data: rows written before this migration say what they are only in Spanish words. The sentences
-- the code wrote become kinds, references and catalog keys; any other text stays as staff text.
UPDATE "credit_ledger_entries" AS "e" SET
	"kind" = "sentence"."kind",
	"payment_attempt_id" = "a"."id",
	"description_key" = "sentence"."key",
	"description_params" = jsonb_build_object('attemptId', "a"."id"),
	"description" = NULL
FROM (VALUES
	('deposit', 'overpayment', 'billing.creditLedger.overpayment', '^Saldo a favor del pago nº ([0-9]{1,9}) \(facturas ya pagadas por otra vía\)$'),
	('adjustment', 'refund_reversal', 'billing.creditLedger.refundReversal', '^Reembolso del pago nº ([0-9]{1,9}) \(saldo a favor\)$')
) AS "sentence"("old_kind", "kind", "key", "pattern"), "payment_attempts" AS "a"
WHERE "e"."kind" = "sentence"."old_kind"
	AND "a"."id" = substring("e"."description" from "sentence"."pattern")::integer
	AND "a"."client_id" = "e"."client_id";--> statement-breakpoint
UPDATE "credit_ledger_entries" SET
	"description_key" = 'billing.creditLedger.addFunds',
	"description_params" = jsonb_build_object('invoiceNumber', substring("description" from '^Fondos añadidos \(factura (.+)\)$')),
	"description" = NULL
WHERE "kind" = 'deposit' AND "invoice_id" IS NOT NULL AND "description" ~ '^Fondos añadidos \(factura .+\)$';--> statement-breakpoint
UPDATE "credit_ledger_entries" SET
	"description_key" = 'billing.creditLedger.application',
	"description_params" = jsonb_build_object('reference', substring("description" from '^Saldo aplicado a la factura (.+)$')),
	"description" = NULL
WHERE "kind" = 'application' AND "invoice_id" IS NOT NULL AND "description" ~ '^Saldo aplicado a la factura .+$';--> statement-breakpoint
-- Before the new foreign key and checks: a reference to a missing invoice is dropped, and whatever
-- kind the new rules cannot vouch for becomes a staff adjustment (its text is kept as it was).
UPDATE "credit_ledger_entries" AS "e" SET "invoice_id" = NULL
WHERE "e"."invoice_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "invoices" AS "i" WHERE "i"."id" = "e"."invoice_id");--> statement-breakpoint
UPDATE "credit_ledger_entries" SET "kind" = 'adjustment'
WHERE "kind" NOT IN ('deposit', 'overpayment', 'application', 'refund_reversal', 'adjustment')
	OR ("kind" = 'application' AND "invoice_id" IS NULL)
	OR ("kind" IN ('deposit', 'overpayment') AND "amount" <= 0)
	OR ("kind" IN ('application', 'refund_reversal') AND "amount" >= 0);--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD CONSTRAINT "credit_ledger_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD CONSTRAINT "credit_ledger_entries_payment_attempt_id_payment_attempts_id_fk" FOREIGN KEY ("payment_attempt_id") REFERENCES "public"."payment_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_ledger_entries_payment_attempt_id_index" ON "credit_ledger_entries" USING btree ("payment_attempt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_entries_overpayment_once" ON "credit_ledger_entries" USING btree ("payment_attempt_id") WHERE "credit_ledger_entries"."kind" = 'overpayment';--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_entries_deposit_once" ON "credit_ledger_entries" USING btree ("invoice_id") WHERE "credit_ledger_entries"."kind" = 'deposit' and "credit_ledger_entries"."invoice_id" is not null;--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD CONSTRAINT "credit_ledger_entries_kind" CHECK ("credit_ledger_entries"."kind" in ('deposit', 'overpayment', 'application', 'refund_reversal', 'adjustment'));--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD CONSTRAINT "credit_ledger_entries_references" CHECK (("credit_ledger_entries"."kind" not in ('overpayment', 'refund_reversal') or "credit_ledger_entries"."payment_attempt_id" is not null) and ("credit_ledger_entries"."kind" <> 'application' or "credit_ledger_entries"."invoice_id" is not null));--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD CONSTRAINT "credit_ledger_entries_sign" CHECK (("credit_ledger_entries"."kind" not in ('deposit', 'overpayment') or "credit_ledger_entries"."amount" > 0) and ("credit_ledger_entries"."kind" not in ('application', 'refund_reversal') or "credit_ledger_entries"."amount" < 0));--> statement-breakpoint
ALTER TABLE "credit_ledger_entries" ADD CONSTRAINT "credit_ledger_entries_described" CHECK ("credit_ledger_entries"."description_key" is not null or "credit_ledger_entries"."description" is not null);