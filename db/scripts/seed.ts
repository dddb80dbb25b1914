import { withScriptDatabase } from "./script-database";

// `npm run db:seed`: migrates, then loads the demo data into a database that has no client yet.
await withScriptDatabase(async ({ db, label }) => {
  const { count } = await import("drizzle-orm");
  const { migrateDatabase } = await import("@/db/client");
  const schema = await import("@/db/schema");
  const { DEMO_LOGINS, DEMO_PASSWORD, seedDemoDataIfEmpty } = await import("@/db/seed/demo");

  const countOf = async (table: typeof schema.clients | typeof schema.invoices | typeof schema.services | typeof schema.domains | typeof schema.tickets) =>
    (await db.select({ n: count() }).from(table))[0].n;

  console.log(`Applying migrations to ${label}...`);
  await migrateDatabase(db);

  const clientsBefore = await countOf(schema.clients);
  if (clientsBefore > 0) {
    console.log(`The database already has ${clientsBefore} client(s): demo data not loaded, nothing changed.`);
    return;
  }

  const started = Date.now();
  await seedDemoDataIfEmpty(db);
  const [clients, services, domains, invoices, tickets] = await Promise.all([
    countOf(schema.clients),
    countOf(schema.services),
    countOf(schema.domains),
    countOf(schema.invoices),
    countOf(schema.tickets),
  ]);
  console.log(
    `Demo data loaded in ${Date.now() - started} ms: ${clients} clients, ${services} services, ${domains} domains, ${invoices} invoices, ${tickets} tickets.`,
  );
  console.log(`Logins (password ${DEMO_PASSWORD}):`);
  const logins: [string, string][] = [
    [DEMO_LOGINS.demo, "owner of the demo account"],
    [DEMO_LOGINS.billing, "sub-account of the demo account (invoices and quotes only)"],
    [DEMO_LOGINS.other, "another client, to check isolation"],
    [DEMO_LOGINS.empty, "a client with nothing yet"],
  ];
  for (const [email, role] of logins) console.log(`  ${email.padEnd(24)}${role}`);
});
