import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { asc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/client";
import * as schema from "@/db/schema";
import { clients, creditLedgerEntries, invoices, paymentAttempts } from "@/db/schema";

// Its own PGlite (in both test modes): the database is taken to the state before 0003, given rows
// as the old code wrote them, then migrated to the end.
const BEFORE_LEDGER_KINDS = "0002_invoice_sort_indexes";

let client: PGlite;
let folder: string;

/** The migrations folder cut after `lastTag`, as a deployment still on that version has it. */
function migrationsUpTo(lastTag: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((entry) => entry.tag === lastTag);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const entries = journal.entries.slice(0, cut + 1);
  for (const entry of entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  return dir;
}

beforeAll(async () => {
  client = new PGlite();
  folder = migrationsUpTo(BEFORE_LEDGER_KINDS);
});

afterAll(async () => {
  await client.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("migration 0003 (credit ledger kinds)", () => {
  // Two full migration runs of a fresh PGlite: slower than the default timeout on a busy machine.
  it("turns the Spanish sentences old code wrote into kinds, references and catalog keys, and keeps staff text", async () => {
    const db = drizzle({ client, schema, casing: "snake_case" });
    await migrate(db, { migrationsFolder: folder });

    const [owner] = await db.insert(clients).values({ firstName: "Ana", lastName: "Migración" }).returning({ id: clients.id });
    const clientId = owner!.id;
    const [invoice] = await db
      .insert(invoices)
      .values({
        clientId,
        proformaReference: "PRO-000077",
        issueDate: "2026-01-10",
        dueDate: "2026-01-20",
        clientSnapshot: { name: "Ana", companyName: null, taxId: null, address: "", city: "", province: "", postcode: "", country: "ES" },
      })
      .returning({ id: invoices.id });
    const [attempt] = await db
      .insert(paymentAttempts)
      .values({ clientId, invoiceIds: [invoice!.id], amount: 1210, gateway: "sandbox", status: "completed" })
      .returning({ id: paymentAttempts.id });
    const a = attempt!.id;
    const rows: [number, string, number | null, string][] = [
      [1210, "deposit", null, `Saldo a favor del pago nº ${a} (facturas ya pagadas por otra vía)`],
      [5000, "deposit", invoice!.id, "Fondos añadidos (factura F2026-000012)"],
      [-1210, "application", invoice!.id, "Saldo aplicado a la factura PRO-000077"],
      [-210, "adjustment", null, `Reembolso del pago nº ${a} (saldo a favor)`],
      [2500, "deposit", null, "Depósito de fondos por transferencia bancaria"],
      // Sentences naming a payment of nobody (or of another client) are not trusted as references.
      [300, "deposit", null, "Saldo a favor del pago nº 999999 (facturas ya pagadas por otra vía)"],
      [-100, "applied", null, "Corrección manual"],
    ];
    for (const [amount, kind, invoiceId, description] of rows) {
      await db.execute(sql`insert into credit_ledger_entries (client_id, amount, kind, invoice_id, description) values (${clientId}, ${amount}, ${kind}, ${invoiceId}, ${description})`);
    }

    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

    const ledger = await db.select().from(creditLedgerEntries).where(eq(creditLedgerEntries.clientId, clientId)).orderBy(asc(creditLedgerEntries.id));
    expect(ledger.map((entry) => [entry.amount, entry.kind, entry.paymentAttemptId, entry.invoiceId, entry.descriptionKey, entry.descriptionParams, entry.description])).toEqual([
      [1210, "overpayment", a, null, "billing.creditLedger.overpayment", { attemptId: a }, null],
      [5000, "deposit", null, invoice!.id, "billing.creditLedger.addFunds", { invoiceNumber: "F2026-000012" }, null],
      [-1210, "application", null, invoice!.id, "billing.creditLedger.application", { reference: "PRO-000077" }, null],
      [-210, "refund_reversal", a, null, "billing.creditLedger.refundReversal", { attemptId: a }, null],
      [2500, "deposit", null, null, null, null, "Depósito de fondos por transferencia bancaria"],
      [300, "deposit", null, null, null, null, "Saldo a favor del pago nº 999999 (facturas ya pagadas por otra vía)"],
      [-100, "adjustment", null, null, null, null, "Corrección manual"],
    ]);
  }, 120_000);
});
