import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, domains, sandboxRegistryDomains } from "@/db/schema";
import { addDays, madridToday } from "@/lib/billing/today";
import { DOMAIN_SETTINGS } from "@/lib/settings/settings-values";
import { contactFromClient } from "./contact-from-client";
import { checkNameservers, checkPrivateNameserver } from "./registrar-checks";
import {
  RegistrarError,
  type DomainAvailability,
  type DomainContacts,
  type PrivateNameserver,
  type Registrar,
  type RegistryDomainInfo,
  type RegistryStatus,
} from "./registrar";

/** Labels everybody tries first; taken under every extension so a demo looks like the real world. */
export const SANDBOX_WELL_KNOWN_LABELS: ReadonlySet<string> = new Set([
  "google",
  "facebook",
  "amazon",
  "apple",
  "microsoft",
  "youtube",
  "wikipedia",
  "twitter",
  "instagram",
  "whatsapp",
  "netflix",
  "ejemplo",
  "example",
  "test",
  "prueba",
]);

/**
 * A label ending like this is "locked at its current registrar": a transfer of it is refused, so the
 * walkthrough's warning ("unlock it first") can be seen in a demo.
 */
export const SANDBOX_LOCKED_ELSEWHERE_SUFFIX = "-bloqueado";

/** The sandbox accepts any transfer code of this length or more, as registries accept any well-formed one. */
export const SANDBOX_MIN_EPP_CODE_LENGTH = 6;

/** Whether a name nobody has with us counts as registered elsewhere: about a quarter do, the same ones every run. */
export function sandboxHashSaysTaken(name: string): boolean {
  return createHash("sha256").update(name).digest()[0]! < 64;
}

type RegistryRow = typeof sandboxRegistryDomains.$inferSelect;

// Statuses in `domains` that mean the name is held with us, so the sandbox registry adopts it.
const HELD_DOMAIN_STATUSES = ["active", "grace", "redemption", "pending_transfer"] as const;

/**
 * The embedded registrar: no network and no account, with a registry of its own in the database
 * (taken names, locks, an EPP code per domain, contacts, glue records, transfers that complete when
 * the cron syncs them), so pages, tests and demos behave as with a real registrar and give the same
 * answer every time. A name is taken when the registry or any client's domains row has it (whether a
 * name is registered is public WHOIS information), when its label is a well-known one, or when its
 * hash says so. Domains that exist in `domains` but not yet in the registry (demo data, rows made
 * before the registry existed) are adopted on first use with the dates and settings of that row.
 */
export function createSandboxRegistrar(db?: Executor): Registrar {
  const executor = async () => db ?? (await getDb());

  async function findRow(name: string): Promise<RegistryRow> {
    const database = await executor();
    const [row] = await database.select().from(sandboxRegistryDomains).where(eq(sandboxRegistryDomains.name, name));
    if (row) return row;
    const adopted = await adoptFromDomains(database, name);
    if (!adopted) throw new RegistrarError("not_found", `sandbox: ${name} is not in the registry`);
    return adopted;
  }

  async function update(name: string, changes: Partial<typeof sandboxRegistryDomains.$inferInsert>): Promise<void> {
    await findRow(name);
    const database = await executor();
    await database.update(sandboxRegistryDomains).set(changes).where(eq(sandboxRegistryDomains.name, name));
  }

  return {
    name: "sandbox",

    async checkAvailability(names) {
      if (names.length === 0) return [];
      const lowerNames = names.map((name) => name.toLowerCase());
      const unique = [...new Set(lowerNames)];
      const database = await executor();
      // Names are stored as the parser writes them (lower-case ASCII), so the plain indexes on name serve these.
      const [ours, registry] = await Promise.all([
        database.selectDistinct({ name: domains.name }).from(domains).where(inArray(domains.name, unique)),
        database.select({ name: sandboxRegistryDomains.name }).from(sandboxRegistryDomains).where(inArray(sandboxRegistryDomains.name, unique)),
      ]);
      const held = new Set([...ours, ...registry].map((row) => row.name));
      return lowerNames.map(
        (name): DomainAvailability => ({
          name,
          status: held.has(name) || SANDBOX_WELL_KNOWN_LABELS.has(labelOf(name)) || sandboxHashSaysTaken(name) ? "taken" : "available",
        }),
      );
    },

    async register(input) {
      checkNameservers(input.nameservers);
      const [availability] = await this.checkAvailability([input.name]);
      if (availability?.status !== "available" && !(await heldOnlyByPendingOrder(await executor(), input.name))) {
        throw new RegistrarError("name_taken", `sandbox: ${input.name} is taken`);
      }
      const expiryDate = addYears(madridToday(), input.years);
      const database = await executor();
      const inserted = await database
        .insert(sandboxRegistryDomains)
        .values({
          name: input.name,
          status: "active",
          expiryDate,
          locked: true,
          idProtection: input.idProtection,
          nameservers: input.nameservers,
          contacts: input.contacts,
          eppCode: newEppCode(),
        })
        .onConflictDoNothing()
        .returning({ name: sandboxRegistryDomains.name });
      if (inserted.length === 0) throw new RegistrarError("name_taken", `sandbox: ${input.name} was registered meanwhile`);
      return { expiryDate };
    },

    async transfer(input) {
      checkNameservers(input.nameservers);
      if (input.eppCode.trim().length < SANDBOX_MIN_EPP_CODE_LENGTH) throw new RegistrarError("invalid_epp_code", "sandbox: EPP code too short");
      if (labelOf(input.name).endsWith(SANDBOX_LOCKED_ELSEWHERE_SUFFIX)) throw new RegistrarError("domain_locked", "sandbox: locked at the losing registrar");
      const [availability] = await this.checkAvailability([input.name]);
      if (availability?.status === "available") throw new RegistrarError("not_found", `sandbox: ${input.name} is not registered anywhere`);
      const database = await executor();
      const inserted = await database
        .insert(sandboxRegistryDomains)
        .values({
          name: input.name,
          status: "pending_transfer",
          expiryDate: null,
          locked: false,
          idProtection: input.idProtection,
          nameservers: input.nameservers,
          contacts: input.contacts,
          eppCode: newEppCode(),
          transferRequestedAt: new Date(),
        })
        .onConflictDoNothing()
        .returning({ name: sandboxRegistryDomains.name });
      // Already in our registry: it is with us already, nothing to transfer.
      if (inserted.length === 0) throw new RegistrarError("rejected", `sandbox: ${input.name} is already with this registrar`);
      return { status: "pending_transfer" };
    },

    async renew(input) {
      const row = await findRow(input.name);
      if (row.status === "pending_transfer") throw new RegistrarError("rejected", "sandbox: renewal during a transfer");
      const database = await executor();
      const expiryDate = addYears(input.currentExpiryDate, input.years);
      // Conditional on the expiry the caller believes in, as LogicBoxes' exp-date: a repeat cannot renew twice.
      const renewed = await database
        .update(sandboxRegistryDomains)
        .set({ expiryDate, status: "active" })
        .where(and(eq(sandboxRegistryDomains.name, input.name), eq(sandboxRegistryDomains.expiryDate, input.currentExpiryDate)))
        .returning({ name: sandboxRegistryDomains.name });
      if (renewed.length === 0) throw new RegistrarError("rejected", `sandbox: ${input.name} does not expire on ${input.currentExpiryDate}`);
      return { expiryDate };
    },

    async getNameservers(name) {
      return (await findRow(name)).nameservers;
    },

    async saveNameservers(name, nameservers) {
      checkNameservers(nameservers);
      await update(name, { nameservers });
    },

    async getContacts(name) {
      const row = await findRow(name);
      if (row.contacts) return row.contacts as DomainContacts;
      return contactsOfHolder(await executor(), name);
    },

    async saveContacts(name, contacts) {
      await update(name, { contacts });
    },

    async getLock(name) {
      return (await findRow(name)).locked;
    },

    async setLock(name, locked) {
      await update(name, { locked });
    },

    async getEppCode(name) {
      return (await findRow(name)).eppCode;
    },

    async setIdProtection(name, enabled) {
      await update(name, { idProtection: enabled });
    },

    async listPrivateNameservers(name) {
      return (await findRow(name)).privateNameservers as PrivateNameserver[];
    },

    async registerPrivateNameserver(name, nameserver) {
      checkPrivateNameserver(name, nameserver);
      const current = (await findRow(name)).privateNameservers as PrivateNameserver[];
      if (current.some((existing) => existing.host === nameserver.host)) throw new RegistrarError("rejected", `sandbox: ${nameserver.host} exists`);
      await update(name, { privateNameservers: [...current, nameserver] });
    },

    async modifyPrivateNameserver(name, nameserver) {
      checkPrivateNameserver(name, nameserver);
      const current = (await findRow(name)).privateNameservers as PrivateNameserver[];
      if (!current.some((existing) => existing.host === nameserver.host)) throw new RegistrarError("not_found", `sandbox: no ${nameserver.host}`);
      await update(name, { privateNameservers: current.map((existing) => (existing.host === nameserver.host ? nameserver : existing)) });
    },

    async deletePrivateNameserver(name, host) {
      const current = (await findRow(name)).privateNameservers as PrivateNameserver[];
      if (!current.some((existing) => existing.host === host)) throw new RegistrarError("not_found", `sandbox: no ${host}`);
      await update(name, { privateNameservers: current.filter((existing) => existing.host !== host) });
    },

    async sync(name) {
      let row = await findRow(name);
      // The losing registrar "accepts" a pending transfer by the next sync, which the cron runs.
      if (row.status === "pending_transfer") {
        const database = await executor();
        const [completed] = await database
          .update(sandboxRegistryDomains)
          .set({ status: "active", expiryDate: addYears(madridToday(), 1), transferRequestedAt: null })
          .where(and(eq(sandboxRegistryDomains.name, name), eq(sandboxRegistryDomains.status, "pending_transfer")))
          .returning();
        if (completed) row = completed;
      } else if (row.expiryDate && row.expiryDate < madridToday() && row.status === "active") {
        row = { ...row, status: "expired" };
      }
      return infoOf(row);
    },
  };
}

/**
 * The portal's own order waiting for this very registration (a "pending" domains row, written at
 * checkout so the customer sees it at once) does not make the name taken for the registrar; any
 * other holder, the registry itself, a well-known label or the hash still do.
 */
async function heldOnlyByPendingOrder(database: Executor, name: string): Promise<boolean> {
  if (SANDBOX_WELL_KNOWN_LABELS.has(labelOf(name)) || sandboxHashSaysTaken(name)) return false;
  const [inRegistry] = await database.select({ name: sandboxRegistryDomains.name }).from(sandboxRegistryDomains).where(eq(sandboxRegistryDomains.name, name));
  if (inRegistry) return false;
  const rows = await database.select({ status: domains.status }).from(domains).where(eq(domains.name, name));
  return rows.length > 0 && rows.every((row) => row.status === "pending" || row.status === "cancelled");
}

function infoOf(row: RegistryRow): RegistryDomainInfo {
  return {
    name: row.name,
    status: row.status as RegistryStatus,
    expiryDate: row.expiryDate,
    locked: row.locked,
    idProtection: row.idProtection,
    nameservers: row.nameservers,
  };
}

async function adoptFromDomains(database: Executor, name: string): Promise<RegistryRow | null> {
  const [held] = await database
    .select()
    .from(domains)
    .where(and(eq(domains.name, name), inArray(domains.status, [...HELD_DOMAIN_STATUSES]), notInArray(domains.registrar, ["logicboxes"])))
    .orderBy(sql`${domains.id} desc`)
    .limit(1);
  if (!held) return null;
  await database
    .insert(sandboxRegistryDomains)
    .values({
      name,
      status: held.status === "pending_transfer" ? "pending_transfer" : "active",
      expiryDate: held.expiryDate,
      locked: held.registrarLock,
      idProtection: held.idProtection,
      nameservers: held.useDefaultNameservers || held.nameservers.length === 0 ? DOMAIN_SETTINGS.defaultNameservers : held.nameservers,
      eppCode: newEppCode(),
      transferRequestedAt: held.status === "pending_transfer" ? new Date() : null,
    })
    .onConflictDoNothing();
  const [row] = await database.select().from(sandboxRegistryDomains).where(eq(sandboxRegistryDomains.name, name));
  return row ?? null;
}

/** Contacts nobody has saved yet: the holding client's own details for all three roles, as registrars default them. */
async function contactsOfHolder(database: Executor, name: string): Promise<DomainContacts> {
  const [holder] = await database
    .select({ client: clients })
    .from(domains)
    .innerJoin(clients, eq(clients.id, domains.clientId))
    .where(eq(domains.name, name))
    .orderBy(sql`${domains.id} desc`)
    .limit(1);
  if (!holder) throw new RegistrarError("not_found", `sandbox: no holder for ${name}`);
  const contact = await contactFromClient(database, holder.client);
  return { registrant: contact, admin: contact, tech: contact };
}

function newEppCode(): string {
  // Registries want mixed characters; base64url of 12 random bytes gives 16 of them.
  return `${randomBytes(12).toString("base64url")}#9`;
}

function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  // 29 February plus a year is 28 February, as registries count it.
  const target = new Date(Date.UTC(year + years, month - 1, day));
  const iso = target.toISOString().slice(0, 10);
  return target.getUTCMonth() === month - 1 ? iso : addDays(iso, -1);
}

function labelOf(name: string): string {
  const dot = name.indexOf(".");
  return dot === -1 ? name : name.slice(0, dot);
}
