import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { clients, invoices } from "@/db/schema";

// Bulk data for the benchmark, written with INSERT ... SELECT generate_series: raw SQL is fine here
// (speed matters, and nothing reads the rows back through db.execute).

const SNAPSHOT = `'{"name":"Cliente Bench","companyName":null,"taxId":null,"address":"Calle Mayor 1","city":"Madrid","province":"Madrid","postcode":"28013","country":"ES"}'::jsonb`;

/** One client row, through the query builder so its id comes back. */
export async function insertBenchClient(db: Database, lastName: string): Promise<number> {
  const [row] = await db
    .insert(clients)
    .values({ firstName: "Cliente", lastName, address1: "Calle Mayor 1", city: "Madrid", province: "Madrid", postcode: "28013", country: "ES" })
    .returning({ id: clients.id });
  return row!.id;
}

/** `count` more clients; returns the id range they got. */
export async function insertOtherClients(db: Database, count: number): Promise<{ firstId: number; lastId: number }> {
  const tag = `Otro ${Date.now()}`;
  await db.execute(
    sql.raw(
      `INSERT INTO clients (first_name, last_name, address1, city, province, postcode, country)
       SELECT 'Cliente', '${tag} ' || g, 'Calle Mayor 1', 'Madrid', 'Madrid', '28013', 'ES' FROM generate_series(1, ${count}) AS g`,
    ),
  );
  const [range] = await db
    .select({ firstId: sql<number>`min(${clients.id})`.mapWith(Number), lastId: sql<number>`max(${clients.id})`.mapWith(Number) })
    .from(clients)
    .where(sql`${clients.lastName} like ${`${tag} %`}`);
  return range!;
}

/**
 * Invoices numbered g = fromG..toG, spread over the clients [firstClientId, lastClientId] (g modulo
 * their number), issue dates over ~8 years; every 50th one unpaid (a realistic share), the rest paid
 * and numbered in series B<year> with number g (unique, as (series, number) must be).
 */
export async function insertInvoices(
  db: Database,
  options: { fromG: number; toG: number; firstClientId: number; lastClientId: number; withLines?: boolean; withPayments?: boolean },
): Promise<void> {
  const clientsCount = options.lastClientId - options.firstClientId + 1;
  const paid = `(g % 50 <> 0)`;
  const subtotal = `(1000 + ((g % 90000) * 7919) % 90000)`;
  const tax = `((${subtotal} * 21 + 50) / 100)`;
  const issue = `(date '2018-01-01' + ((g % 3000) * 37) % 3000)`;
  await db.execute(
    sql.raw(
      `INSERT INTO invoices (client_id, proforma_reference, status, kind, issue_date, due_date, paid_at, series, number,
                             currency, subtotal, tax_total, total, amount_paid, client_snapshot)
       SELECT ${options.firstClientId} + (g % ${clientsCount}),
              'PRO-B' || lpad(g::text, 9, '0'),
              CASE WHEN ${paid} THEN 'paid' ELSE 'unpaid' END,
              'renewal',
              ${issue},
              ${issue} + 7,
              CASE WHEN ${paid} THEN (${issue} + 3)::timestamptz END,
              CASE WHEN ${paid} THEN 'B' || extract(year FROM ${issue})::int END,
              CASE WHEN ${paid} THEN g END,
              'EUR', ${subtotal}, ${tax}, ${subtotal} + ${tax},
              CASE WHEN ${paid} THEN ${subtotal} + ${tax} ELSE 0 END,
              ${SNAPSHOT}
       FROM generate_series(${options.fromG}, ${options.toG}) AS g`,
    ),
  );
  if (options.withLines) {
    // Three lines per invoice whose amounts add up to the invoice's subtotal and tax.
    await db.execute(
      sql.raw(
        `INSERT INTO invoice_lines (invoice_id, description, quantity, unit_amount, tax_rate_bp, tax_amount, line_subtotal, sort_order)
         SELECT i.id, 'Línea ' || n || ' de ' || i.proforma_reference, 1,
                CASE WHEN n = 1 THEN i.subtotal - 2 * (i.subtotal / 3) ELSE i.subtotal / 3 END, 2100,
                CASE WHEN n = 1 THEN i.tax_total - 2 * (i.tax_total / 3) ELSE i.tax_total / 3 END,
                CASE WHEN n = 1 THEN i.subtotal - 2 * (i.subtotal / 3) ELSE i.subtotal / 3 END, n
         FROM invoices i CROSS JOIN generate_series(1, 3) AS n
         WHERE i.client_id BETWEEN ${options.firstClientId} AND ${options.lastClientId}`,
      ),
    );
  }
  if (options.withPayments) {
    await db.execute(
      sql.raw(
        `INSERT INTO payments (client_id, invoice_id, gateway, gateway_reference, amount, currency, created_at)
         SELECT i.client_id, i.id, 'stripe', 'pi_bench_' || i.id, i.total, i.currency, i.paid_at
         FROM invoices i WHERE i.status = 'paid' AND i.client_id BETWEEN ${options.firstClientId} AND ${options.lastClientId}`,
      ),
    );
  }
}

export async function analyze(db: Database): Promise<void> {
  await db.execute(sql.raw("ANALYZE"));
}

/** The client's newest unpaid invoice: the invoice page's costliest case (it also reads the credit balance). */
export async function anUnpaidInvoiceOf(db: Database, clientId: number): Promise<number> {
  const [row] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), eq(invoices.status, "unpaid")))
    .orderBy(desc(invoices.id))
    .limit(1);
  if (!row) throw new Error(`Client ${clientId} has no unpaid invoice`);
  return row.id;
}
