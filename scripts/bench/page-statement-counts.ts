import { eq, sql } from "drizzle-orm";
import { setDatabase, type Database } from "@/db/client";
import { services, tickets } from "@/db/schema";
import { seedReferenceData } from "@/db/seed/reference-data";
import { unsafeClientScope } from "@/lib/auth/scope";
import { getClientCurrency } from "@/lib/domains/client-currency";
import { listDomains } from "@/lib/domains/manage/list-domains";
import { listAvailableAddons } from "@/lib/orders/addons";
import { countCartItems } from "@/lib/orders/cart";
import { listStoreCatalogue } from "@/lib/orders/catalogue";
import { listServices } from "@/lib/services/list-services";
import { getServiceView } from "@/lib/services/service-view";
import { searchKnowledgeBase } from "@/lib/support/knowledge-base-search";
import { getTicket, listTickets } from "@/lib/support/tickets";
import type { BenchDatabase } from "./bench-databases";
import { insertBenchClient } from "./fill-invoices";

// Statements per request of the services, domains, store and support pages for a client with 10 rows and one
// with 1,000 (services, domains, tickets; knowledge-base articles for the search): equal counts mean no page
// issues a query per row. Each load mirrors what its page reads (the session and layout aside).

export type StatementCountRow = { page: string; few: number; many: number };

/** Runs every load through a statement-counting handle installed as the app's database. */
export async function benchPageStatementCounts(bench: BenchDatabase): Promise<StatementCountRow[]> {
  const reference = await seedReferenceData(bench.db);
  const counted = bench.counting();
  setDatabase(counted.db);
  const count = async (load: () => Promise<unknown>) => {
    counted.reset();
    await load();
    return counted.statements();
  };

  const few = await clientWith(bench.db, "Diez", 10, reference);
  const many = await clientWith(bench.db, "Mil", 1_000, reference);
  const rows: StatementCountRow[] = [];
  const measure = async (page: string, load: (client: BenchClient) => Promise<unknown>) =>
    rows.push({ page, few: await count(() => load(few)), many: await count(() => load(many)) });

  await measure("Mis productos y servicios (first page)", (client) => listServices(client.scope, { limit: 20, db: counted.db }));
  await measure("A service's page (its view; usage comes from its cached figures)", (client) => getServiceView(client.scope, client.serviceId, { db: counted.db }));
  await measure("Contratar (store): currency, catalogue, cart count", async (client) => {
    const currency = await getClientCurrency(client.scope);
    await Promise.all([listStoreCatalogue(currency), countCartItems(client.scope)]);
  });
  await measure("Ver complementos disponibles", (client) => listAvailableAddons(client.scope));
  await measure("Mis dominios (first page)", (client) => listDomains(client.scope, { limit: 20, db: counted.db }));
  await measure("Mis dominios filtered (active, text search)", (client) => listDomains(client.scope, { status: "active", search: "bench", limit: 20, db: counted.db }));
  await measure("Tickets list (first page)", (client) => listTickets(client.scope, { status: "all", limit: 20 }));
  await measure("A ticket's page (its conversation)", (client) => getTicket(client.scope, client.ticketId));

  // The knowledge base is shared: search with 10 articles, then with 1,000.
  await insertArticles(bench.db, 1, 10);
  const searchFew = await count(() => searchKnowledgeBase("correo electrónico", { db: counted.db }));
  await insertArticles(bench.db, 11, 1_000);
  const searchMany = await count(() => searchKnowledgeBase("correo electrónico", { db: counted.db }));
  rows.push({ page: "Knowledge-base search (10 / 1,000 articles)", few: searchFew, many: searchMany });
  return rows;
}

type BenchClient = { scope: ReturnType<typeof unsafeClientScope>; serviceId: number; ticketId: number };

/** A client with `n` services and `n` tickets; the ticket measured has `n` replies. */
async function clientWith(db: Database, name: string, n: number, reference: Awaited<ReturnType<typeof seedReferenceData>>): Promise<BenchClient> {
  const clientId = await insertBenchClient(db, name);
  const productId = reference.productIds.basic;
  const department = reference.departmentIds.support;
  await db.execute(
    sql.raw(`INSERT INTO services (client_id, product_id, domain, status, billing_cycle, recurring_amount, currency, registration_date, next_due_date)
      SELECT ${clientId}, ${productId}, 'bench-${name.toLowerCase()}-' || g || '.es', 'active', 'annually', 9900, 'EUR', DATE '2026-01-01', DATE '2027-01-01'
      FROM generate_series(1, ${n}) AS g`),
  );
  await db.execute(
    sql.raw(`INSERT INTO domains (client_id, name, tld, status, registration_date, expiry_date, next_due_date, recurring_amount, currency, nameservers)
      SELECT ${clientId}, 'bench-${name.toLowerCase()}-' || g || '.es', 'es', 'active', DATE '2026-01-01' - g, DATE '2027-01-01', DATE '2027-01-01', 1200, 'EUR', '{}'
      FROM generate_series(1, ${n}) AS g`),
  );
  await db.execute(
    sql.raw(`INSERT INTO tickets (client_id, department_id, reference, subject, status, priority)
      SELECT ${clientId}, ${department}, '${clientId}' || lpad(g::text, 6, '0'), 'Consulta ' || g, 'open', 'medium' FROM generate_series(1, ${n}) AS g`),
  );
  const newest = async (table: typeof services | typeof tickets) => {
    const [row] = await db.select({ id: sql<number>`max(${table.id})`.mapWith(Number) }).from(table).where(eq(table.clientId, clientId));
    return row!.id;
  };
  const serviceId = await newest(services);
  const ticketId = await newest(tickets);
  await db.execute(
    sql.raw(`INSERT INTO ticket_replies (ticket_id, contact_id, author_name, message)
      SELECT ${ticketId}, NULL, 'Cliente', 'Mensaje ' || g FROM generate_series(1, ${n}) AS g`),
  );
  return { scope: unsafeClientScope(clientId), serviceId, ticketId };
}

async function insertArticles(db: Database, from: number, to: number): Promise<void> {
  await db.execute(
    sql.raw(`INSERT INTO kb_categories (name, slug) VALUES ('Banco de pruebas', 'banco-de-pruebas') ON CONFLICT (slug) DO NOTHING`),
  );
  await db.execute(
    sql.raw(`INSERT INTO kb_articles (category_id, title, slug, body)
      SELECT (SELECT id FROM kb_categories WHERE slug = 'banco-de-pruebas'),
             CASE WHEN g % 7 = 0 THEN 'Configurar el correo electrónico ' || g ELSE 'Artículo de ayuda ' || g END,
             'banco-' || g,
             'Texto del artículo ' || g || CASE WHEN g % 3 = 0 THEN ' sobre el correo y sus cuentas.' ELSE ' sobre dominios y DNS.' END
      FROM generate_series(${from}, ${to}) AS g`),
  );
}
