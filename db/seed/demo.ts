import type { Database, Transaction } from "@/db/client";
import { clients } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { daysFromToday, momentFromToday, spanishDate } from "./dates";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_PERSON, OTHER_PERSON, seedDemoAccounts } from "./demo-accounts";
import { seedDemoBilling } from "./demo-billing";
import { domainExpiryEmail, insertSentEmails, invoiceCreatedEmail, paymentReceivedEmail, welcomeEmail } from "./demo-emails";
import { seedDemoDns } from "./demo-dns";
import { seedDemoDomainRegistry } from "./demo-domains";
import { seedDemoHosting } from "./demo-hosting";
import { seedDemoLibrary } from "./demo-library";
import { seedDemoQueues } from "./demo-queues";
import { seedDemoStaff } from "./demo-staff";
import { seedDemoTickets } from "./demo-tickets";
import { SEED_LOCK, seedReferenceData } from "./reference-data";

export { DEMO_LOGINS, DEMO_PASSWORD };

export type DemoIds = {
  clients: { demo: number; other: number; empty: number };
  contacts: { demoOwner: number; demoBilling: number; demoPlain: number; otherOwner: number; emptyOwner: number };
  staffUserId: number;
  services: { active: number; suspended: number; pending: number; other: number[] };
  serviceAddonId: number;
  domains: { expiringSoon: number; customNameservers: number; others: number[]; other: number[] };
  invoices: { paid: number[]; unpaid: number; overdue: number; otherPaid: number; otherUnpaid: number };
  quoteId: number;
  tickets: { open: number; answered: number; closed: number; other: number };
  clientFiles: { demo: number; other: number };
  announcements: number[];
  kbArticles: number[];
  downloads: number[];
  networkIssues: number[];
};

/**
 * Fills an empty database with the demo. Called on every embedded start, so the common case (data
 * already there) costs one indexed query; racing callers serialise on an advisory lock, and a
 * unique violation from a seeder that got there first is taken as "already seeded".
 */
export async function seedDemoDataIfEmpty(db: Database): Promise<void> {
  if (await hasAnyClient(db)) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  try {
    await db.transaction(async (tx) => {
      await tx.execute(SEED_LOCK);
      if (await hasAnyClient(tx)) return;
      await writeDemoData(tx, passwordHash);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * Writes the demo (and the reference data when missing) in one transaction and returns the ids it
 * created. Not idempotent: on a database that already holds the demo logins it fails whole.
 */
export async function seedDemoData(db: Database): Promise<DemoIds> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.execute(SEED_LOCK);
    return writeDemoData(tx, passwordHash);
  });
}

async function hasAnyClient(db: Database | Transaction): Promise<boolean> {
  const rows = await db.select({ id: clients.id }).from(clients).limit(1);
  return rows.length > 0;
}

function isUniqueViolation(error: unknown): boolean {
  // Drizzle wraps driver errors; the SQLSTATE sits on the error or on its cause depending on the driver.
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

// argon2 is slow on purpose: the one hash is computed by the caller, outside the transaction.
async function writeDemoData(tx: Transaction, passwordHash: string): Promise<DemoIds> {
  const reference = await seedReferenceData(tx);
  const accounts = await seedDemoAccounts(tx, passwordHash);
  const hosting = await seedDemoHosting(tx, reference, accounts);
  await seedDemoDns(tx, accounts, hosting.domains);
  await seedDemoDomainRegistry(tx, accounts.demo.id, hosting);
  const billing = await seedDemoBilling(tx, accounts, hosting);
  const support = await seedDemoTickets(tx, reference, accounts, hosting);
  const library = await seedDemoLibrary(tx, reference, accounts);
  await seedDemoStaff(tx, passwordHash);
  await seedDemoQueues(tx, reference, accounts);

  const baseUrl = env.APP_BASE_URL.replace(/\/$/, "");
  const { demo, other, contacts } = accounts;
  const [paidAnnual] = billing.demo.paid;
  const { unpaid } = billing.demo;
  await insertSentEmails(tx, [
    {
      clientId: demo.id,
      contactId: contacts.demoOwner,
      to: DEMO_LOGINS.demo,
      at: momentFromToday(-420, 10, 2),
      email: welcomeEmail(DEMO_PERSON.firstName, DEMO_LOGINS.demo, baseUrl),
    },
    {
      clientId: demo.id,
      contactId: contacts.demoOwner,
      to: DEMO_LOGINS.demo,
      at: momentFromToday(-58, 12, 4),
      email: paymentReceivedEmail(DEMO_PERSON.firstName, billing.numbers.get(paidAnnual.id)!, paidAnnual.total, baseUrl, paidAnnual.id),
    },
    {
      clientId: demo.id,
      contactId: contacts.demoOwner,
      to: DEMO_LOGINS.demo,
      at: momentFromToday(-5, 8, 0),
      email: domainExpiryEmail(DEMO_PERSON.firstName, "ejemplo-tienda.es", spanishDate(daysFromToday(20)), baseUrl),
    },
    {
      clientId: demo.id,
      contactId: contacts.demoBilling,
      to: DEMO_LOGINS.billing,
      at: momentFromToday(-2, 9, 1),
      email: invoiceCreatedEmail("Carlos", unpaid.proformaReference, unpaid.total, spanishDate(unpaid.dueDate), baseUrl, unpaid.id),
    },
    {
      clientId: other.id,
      contactId: contacts.otherOwner,
      to: DEMO_LOGINS.other,
      at: momentFromToday(-360, 17, 45),
      email: welcomeEmail(OTHER_PERSON.firstName, DEMO_LOGINS.other, baseUrl),
    },
  ]);

  const { services, domains } = hosting;
  return {
    clients: { demo: demo.id, other: other.id, empty: accounts.empty.id },
    contacts,
    staffUserId: support.staffUserId,
    services: { active: services.active, suspended: services.suspended, pending: services.pending, other: [services.other] },
    serviceAddonId: hosting.serviceAddonId,
    domains: {
      expiringSoon: domains.expiringSoon,
      customNameservers: domains.customNameservers,
      others: [domains.blog, domains.eu],
      other: [domains.otherEs, domains.otherCom],
    },
    invoices: {
      paid: billing.demo.paid.map((invoice) => invoice.id),
      unpaid: unpaid.id,
      overdue: billing.demo.overdue.id,
      otherPaid: billing.other.paid.id,
      otherUnpaid: billing.other.unpaid.id,
    },
    quoteId: billing.quoteId,
    tickets: { open: support.open, answered: support.answered, closed: support.closed, other: support.other },
    ...library,
  };
}
