import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database } from "@/db/client";
import { orders, servers, services } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { startPayment } from "@/lib/billing/start-payment";
import { createSandboxGateway } from "@/lib/payments/sandbox-gateway";
import { setProviderForTests } from "@/lib/providers";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "./database";
import { createHostingPanelDouble } from "./hosting-panel-double";
import { createSignedInOwner, createTestInvoice, createTestProduct, createTestService, uniqueSuffix } from "./factories";

/**
 * Call at the top of a provisioning test file: a migrated, seeded database, the recording panel
 * double (emptied before each test) and the sandbox payment gateway. `db()` is the database once set up.
 */
export function setUpProvisioningTestBed() {
  const panel = createHostingPanelDouble();
  let database: Database | undefined;
  beforeAll(async () => {
    database = await setupTestDatabase();
    await seedReferenceDataOnce(database);
  });
  beforeEach(() => {
    panel.reset();
    setProviderForTests("hosting", panel.panel);
    setProviderForTests("payments", createSandboxGateway());
  });
  afterAll(async () => {
    setProviderForTests("hosting", null);
    setProviderForTests("payments", null);
    await teardownTestDatabase();
  });
  return { panel, db: () => database! };
}

/** A panel server of its own group (so other files' servers never take these accounts) and a cPanel product on it. */
export async function createTestPanelProduct(db: Database, options: { maxAccounts?: number } = {}) {
  const group = `grupo-${uniqueSuffix()}`;
  const [server] = await db
    .insert(servers)
    .values({ name: `Servidor ${group}`, hostname: `${group}.servidores.test`, ipAddress: "192.0.2.1", nameservers: ["ns1.test", "ns2.test"], serverGroup: group, maxAccounts: options.maxAccounts ?? 200 })
    .returning();
  const product = await createTestProduct(db, { panelModule: "cpanel", panelPackage: "plan_profesional", serverGroup: group });
  return { server: server!, product, group };
}

/**
 * What checkout leaves behind (written here directly: the store is built in parallel): an order, its
 * unpaid order invoice and a pending service nobody has provisioned, for a new signed-in owner.
 */
export async function createUnpaidOrder(db: Database, productId: number, options: { user?: SessionUser; domain?: string } = {}) {
  const user = options.user ?? (await createSignedInOwner(db));
  const { invoice } = await createTestInvoice(db, user.clientId, { invoice: { kind: "order" }, line: { unitAmount: 5990 } });
  const [order] = await db.insert(orders).values({ clientId: user.clientId, reference: `ORD-${uniqueSuffix()}`, invoiceId: invoice.id }).returning();
  const service = await createTestService(db, user.clientId, {
    productId,
    orderId: order!.id,
    status: "pending",
    username: null,
    domain: options.domain ?? `tienda${uniqueSuffix().replace(/[^a-z0-9]/gi, "").toLowerCase()}.es`,
  });
  return { user, invoice, order: order!, service };
}

/** The customer pressed "Pagar" for these invoices (the sandbox gateway opens the attempt). */
export async function openTestAttempt(user: SessionUser, invoiceIds: number[]) {
  const started = await startPayment(user, invoiceIds);
  if (!started.ok) throw new Error(`startPayment failed: ${started.error}`);
  return started.attemptId;
}

export async function serviceRow(db: Database, serviceId: number) {
  const [row] = await db.select().from(services).where(eq(services.id, serviceId));
  return row!;
}
