import { randomInt } from "node:crypto";
import { and, asc, eq, inArray, isNull, like, lt, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, invoices, orders, products, services, type ProvisionState, type ServiceStatus } from "@/db/schema";
import { isHostingPanelError, type HostingPanel, type PanelServer } from "@/lib/hosting/hosting-panel";
import { getProvider } from "@/lib/providers";
import { sendServiceWelcomeEmail } from "./provision-emails";
import { chooseServerForGroup, loadPanelServer, toPanelServer } from "@/lib/hosting/panel-servers";

// Creating the panel account of a paid service, exactly once. The payment's transaction only marks
// the service "queued" (provision-queue.ts); here one UPDATE claims it ("in_progress") so a single
// worker wins however many run at once (after-commit hooks of concurrent deliveries, the cron), and
// the panel is called outside any transaction. A failure leaves the service "pending" with the
// reason for staff; the cron retries it a bounded number of times.

/** Attempts after which the cron stops retrying and the service waits for staff (provisionError says why). */
export const MAX_PROVISION_ATTEMPTS = 5;

/** What the customer is shown: a pending service being set up (or whose setup failed) is "en preparación", never an error. */
export type ServiceDisplayStatus = ServiceStatus | "preparing";

export function serviceDisplayStatus(service: { status: ServiceStatus; provisionState: ProvisionState | null }): ServiceDisplayStatus {
  if (service.status === "pending" && service.provisionState !== null && service.provisionState !== "done") return "preparing";
  return service.status;
}

export type ProvisionOutcome = "provisioned" | "failed" | "not_claimed";

/**
 * WHM's rules for a cPanel user name: lowercase letters and digits, at most 16 characters, not
 * starting with a digit nor with "test", and not one of the system's own names. The base is the
 * domain's first label cut to 8 characters (room for a number when it is taken).
 */
const RESERVED_USERNAMES = new Set(["root", "admin", "cpanel", "whm", "webmail", "mail", "ftp", "www", "mysql", "postgres", "nobody", "all", "virtfs", "system", "cpses", "httpd", "named", "dovecot", "exim", "mailman"]);

export function usernameBase(domain: string): string {
  const label = domain.trim().toLowerCase().replace(/^www\./, "").split(".")[0] ?? "";
  let base = label.replace(/[^a-z0-9]/g, "").replace(/^[0-9]+/, "");
  if (!base) base = "cuenta";
  if (base.startsWith("test") || RESERVED_USERNAMES.has(base)) base = `u${base}`;
  return base.slice(0, 8);
}

/** The first of base, base1, base2… not in `taken` (all within 16 characters). */
export function firstFreeUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 1; ; n += 1) {
    const candidate = `${base}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A password WHM accepts (strong, mixed classes), used once in createAccount: never stored, never emailed. */
export function generatePanelPassword(length = 20): string {
  const sets = ["abcdefghijkmnopqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "!#%+-=_.@"];
  const all = sets.join("");
  const chars = sets.map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

class ProvisionFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Claims one service and creates its panel account. Returns "not_claimed" when another worker has
 * it, it is already done, it is not pending any more, or it has used up its attempts (unless
 * `pastAttemptLimit`: a member of staff retrying by hand).
 */
export async function provisionService(serviceId: number, options: { pastAttemptLimit?: boolean } = {}): Promise<ProvisionOutcome> {
  const db = await getDb();
  const [claimed] = await db
    .update(services)
    .set({ provisionState: "in_progress", provisionAttempts: sql`${services.provisionAttempts} + 1` })
    .where(
      and(
        eq(services.id, serviceId),
        inArray(services.provisionState, ["queued", "failed"]),
        eq(services.status, "pending"),
        // Staff's "Reintentar" may go past the cron's limit; the claim is the same, so it still provisions once.
        options.pastAttemptLimit ? undefined : lt(services.provisionAttempts, MAX_PROVISION_ATTEMPTS),
      ),
    )
    .returning();
  if (!claimed) return "not_claimed";

  try {
    const result = await createPanelAccount(claimed);
    await db
      .update(services)
      .set({
        provisionState: "done",
        provisionError: null,
        provisionedAt: new Date(),
        // Cancelled meanwhile: the account exists now and the cancellation job terminates it; only a pending service turns active.
        status: sql`case when ${services.status} = 'pending' then 'active' else ${services.status} end`,
        ...(result ? { serverId: result.serverId, username: result.username } : {}),
      })
      .where(and(eq(services.id, claimed.id), eq(services.provisionState, "in_progress")));
  } catch (error) {
    const reason = error instanceof ProvisionFailure ? error.reason : failureReason(error);
    console.error(`[provisioning] service ${claimed.id} (attempt ${claimed.provisionAttempts}) failed: ${reason}`);
    await db
      .update(services)
      .set({ provisionState: "failed", provisionError: reason.slice(0, 1000) })
      .where(and(eq(services.id, claimed.id), eq(services.provisionState, "in_progress")));
    return "failed";
  }
  await sendServiceWelcomeEmail(claimed.id);
  return "provisioned";
}

type ClaimedService = typeof services.$inferSelect;

/**
 * The panel half. Products without a panel module (manual ones) need no account: null. The server
 * and user name are written to the service before the panel is asked, so a retry after a timeout
 * asks the same server about the same user, which is what makes createAccount idempotent.
 */
async function createPanelAccount(service: ClaimedService): Promise<{ serverId: number; username: string } | null> {
  const db = await getDb();
  const [details] = await db
    .select({
      panelModule: products.panelModule,
      panelPackage: products.panelPackage,
      serverGroup: products.serverGroup,
      ownerEmail: contacts.email,
    })
    .from(products)
    .leftJoin(contacts, and(eq(contacts.clientId, service.clientId), eq(contacts.isOwner, true)))
    .where(eq(products.id, service.productId))
    .limit(1);
  if (!details) throw new ProvisionFailure(`product ${service.productId} not found`);
  if (!details.panelModule) return null;

  const server = service.serverId
    ? await loadPanelServer(db, service.serverId)
    : await chooseServerForGroup(db, details.serverGroup ?? "default").then((row) => (row ? toPanelServer(row) : null));
  if (!server) throw new ProvisionFailure(`no_server: no active server with room in group "${details.serverGroup ?? "default"}"`);

  const panel = getProvider("hosting");
  const tried = new Set<string>();
  let username = service.username ?? (await reserveUsername(service.id, server.id, service.domain, tried));
  if (service.serverId === null) await db.update(services).set({ serverId: server.id }).where(eq(services.id, service.id));
  // A name the panel already has on a first attempt belongs to someone else: take the next one (a few times).
  for (let collisions = 0; ; collisions += 1) {
    tried.add(username);
    const outcome = await createOrAdopt(panel, server, service, username, details.panelPackage ?? "default", details.ownerEmail ?? "");
    if (outcome === "created") return { serverId: server.id, username };
    if (collisions >= 3) throw new ProvisionFailure(`already_exists: user names ${[...tried].join(", ")} are taken on ${server.hostname}`);
    username = await reserveUsername(service.id, server.id, service.domain, tried, true);
  }
}

async function createOrAdopt(
  panel: HostingPanel,
  server: PanelServer,
  service: ClaimedService,
  username: string,
  plan: string,
  contactEmail: string,
): Promise<"created" | "taken"> {
  try {
    await panel.createAccount(server, { username, domain: service.domain, plan, password: generatePanelPassword(), contactEmail });
    return "created";
  } catch (error) {
    if (!isHostingPanelError(error)) throw error;
    const ambiguous = error.code === "unavailable" || error.code === "bad_response";
    // On a retry an existing account is the one an earlier attempt created before its answer was lost.
    const ours = error.code === "already_exists" && service.provisionAttempts > 1;
    if (!ambiguous && !ours) {
      if (error.code === "already_exists") return "taken";
      throw error;
    }
    if (await panel.accountExists(server, username)) return "created";
    throw error;
  }
}

/**
 * Picks the user name under a transaction-scoped advisory lock, so two services of the same domain
 * provisioned at once never get the same one, and stores it on the service (unique against every
 * existing service's user name).
 */
async function reserveUsername(serviceId: number, serverId: number, domain: string, tried: ReadonlySet<string>, replace = false): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('services.username'))`);
    const base = usernameBase(domain);
    const rows = await tx
      .select({ username: services.username })
      .from(services)
      .where(and(like(services.username, `${base}%`), ne(services.id, serviceId)));
    const taken = new Set([...tried, ...rows.flatMap((row) => (row.username ? [row.username] : []))]);
    const username = firstFreeUsername(base, taken);
    const condition = replace ? eq(services.id, serviceId) : and(eq(services.id, serviceId), sql`${services.username} is null`);
    await tx.update(services).set({ username, serverId }).where(condition);
    return username;
  });
}

function failureReason(error: unknown): string {
  if (isHostingPanelError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `error: ${error.message}` : `error: ${String(error)}`;
}

/** After an order invoice's payment has committed: provision what that payment queued (the cron catches what this misses). */
export async function provisionQueuedServicesOfInvoice(invoiceId: number): Promise<ProvisionOutcome[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: services.id })
    .from(services)
    .innerJoin(orders, and(eq(orders.id, services.orderId), eq(orders.clientId, services.clientId)))
    .where(and(eq(orders.invoiceId, invoiceId), eq(services.provisionState, "queued")))
    .orderBy(asc(services.id));
  const outcomes: ProvisionOutcome[] = [];
  for (const row of rows) outcomes.push(await provisionService(row.id));
  return outcomes;
}

export type ProvisioningRunResult = { provisioned: number; failed: number };

/** The cron's share: every queued or failed pending service with attempts left, oldest first. */
export async function runProvisioningRetries(limit = 100): Promise<ProvisioningRunResult> {
  const db = await getDb();
  // A paid order whose services were not queued by its payment (linked to the invoice after it was paid): queue them now.
  await db
    .update(services)
    .set({ provisionState: "queued" })
    .where(
      and(
        eq(services.status, "pending"),
        isNull(services.provisionState),
        inArray(
          services.orderId,
          db
            .select({ id: orders.id })
            .from(orders)
            .innerJoin(invoices, and(eq(invoices.id, orders.invoiceId), eq(invoices.clientId, orders.clientId)))
            .where(and(eq(orders.clientId, services.clientId), eq(invoices.kind, "order"), eq(invoices.status, "paid"))),
        ),
      ),
    );
  const rows = await db
    .select({ id: services.id })
    .from(services)
    .where(
      and(
        eq(services.status, "pending"),
        or(eq(services.provisionState, "queued"), eq(services.provisionState, "failed")),
        lt(services.provisionAttempts, MAX_PROVISION_ATTEMPTS),
      ),
    )
    .orderBy(asc(services.id))
    .limit(limit);
  const result: ProvisioningRunResult = { provisioned: 0, failed: 0 };
  for (const row of rows) {
    const outcome = await provisionService(row.id);
    if (outcome === "provisioned") result.provisioned += 1;
    else if (outcome === "failed") result.failed += 1;
  }
  return result;
}
