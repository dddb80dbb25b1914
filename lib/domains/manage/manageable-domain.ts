import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { domains, type DomainStatus } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import type { ClientDomain } from "@/lib/domains/client-domain";
import { RegistrarError } from "@/lib/registrar/registrar";

/** What every management use case answers; `error` and field errors are catalog keys. */
export type ManageResult<T = undefined> = { ok: true; data?: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const NOT_FOUND: { ok: false; error: string } = { ok: false, error: "domainManage.errors.notFound" };
export const CHECK_FIELDS = "errors.checkFields";

// Statuses in which the registrar holds the domain for this client, so it takes changes.
const MANAGEABLE_STATUSES: ReadonlySet<DomainStatus> = new Set(["active", "grace", "redemption"]);

export type DomainLookup = { ok: true; domain: ClientDomain } | { ok: false; error: string };

/** One of the client's domains (another client's id reads as not found) in a status the registrar manages. */
export async function findManageableDomain(db: Executor, scope: ClientScope, domainId: number, options: { anyStatus?: boolean } = {}): Promise<DomainLookup> {
  const [domain] = await db
    .select()
    .from(domains)
    .where(and(eq(domains.id, domainId), eq(domains.clientId, scope.clientId)));
  if (!domain) return NOT_FOUND;
  if (!options.anyStatus && !MANAGEABLE_STATUSES.has(domain.status)) return { ok: false, error: "domainManage.errors.notManageable" };
  return { ok: true, domain };
}

/** A registrar refusal becomes its Spanish message for the form; anything else is a real failure and is thrown. */
export function registrarRefusal(error: unknown): { ok: false; error: string } {
  if (error instanceof RegistrarError) return { ok: false, error: error.messageKey };
  throw error;
}

/** Trimmed text of a form field (a missing field is ""). */
export function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
