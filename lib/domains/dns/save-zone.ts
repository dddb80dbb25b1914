import { and, eq, inArray, ne, notInArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { dnsRedirects, domains, FINISHED_DOMAIN_STATUSES, isFinishedDomainStatus } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record-audit";
import { getClientDomain } from "@/lib/domains/client-domain";
import { isDnsError } from "@/lib/dns/dns-provider";
import { absoluteHost, crossRowErrors, MAX_EDITOR_ROWS, REDIRECT_TYPES, validateRow, type EditorRecord, type RowErrors } from "@/lib/dns/records";
import { getProvider } from "@/lib/providers";
import { rowIdField } from "@/lib/row-id";
import { getDomainSettings } from "@/lib/settings/get-settings";
import { publishZone } from "./publish-zone";
import { countForwards, defaultEditorRecords, desiredZoneRecords, loadEditorRecords } from "./zone-state";
import { writeEditorRecords } from "./write-zone";

export type DnsActionResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const saveZoneSchema = z.object({
  domainId: rowIdField(),
  /** The editor's rows as JSON (the client component keeps them in state and sends them in one field). */
  records: z.string({ message: "dns.errors.recordsInvalid" }).max(500_000, { message: "dns.errors.tooManyRecords" }),
});
export type SaveZoneInput = z.infer<typeof saveZoneSchema>;

export const enableDnsSchema = z.object({ domainId: rowIdField() });

/**
 * "Activar la gestión de DNS": the zone is created on our DNS server with the company's name servers
 * and the default records, then the domain is marked and the rows stored. A zone that is already
 * there (an earlier attempt whose save failed) is taken over with the default records.
 */
export async function enableDnsManagement(user: SessionUser, input: { domainId: number }, ip: string | null = null): Promise<DnsActionResult> {
  const db = await getDb();
  const domain = await getClientDomain(user.scope, input.domainId, { db });
  if (!domain) return { ok: false, error: "dns.errors.notFound" };
  if (isFinishedDomainStatus(domain.status)) return { ok: false, error: "domainManage.errors.notManageable" };
  if (domain.dnsManagement) return { ok: true };
  const settings = await getDomainSettings(db);
  const records = defaultEditorRecords();
  const zone = desiredZoneRecords(domain.name, records, { forwarding: false });
  const provider = getProvider("dns");
  try {
    await provider.createZone(domain.name, { nameservers: settings.defaultNameservers, records: zone });
  } catch (error) {
    if (!isDnsError(error)) throw error;
    if (error.code !== "already_exists") return { ok: false, error: error.messageKey };
    try {
      await provider.replaceRecords(domain.name, zone);
    } catch (replaceError) {
      if (isDnsError(replaceError)) return { ok: false, error: replaceError.messageKey };
      throw replaceError;
    }
  }
  await db.transaction(async (tx) => {
    await writeEditorRecords(tx, user.scope, domain, records);
    await tx
      .update(domains)
      .set({ dnsManagement: true })
      .where(and(eq(domains.id, domain.id), eq(domains.clientId, user.scope.clientId)));
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "dns.enabled", details: { domain: domain.name }, ip });
  });
  return { ok: true };
}

/** Validates every row; errors keyed "<row index>.<field>". */
export function validateRows(rawRows: unknown, options: { forwardingActive: boolean }): { ok: true; records: EditorRecord[] } | { ok: false; error: string; fieldErrors: Record<string, string> } {
  if (!Array.isArray(rawRows)) return { ok: false, error: "dns.errors.recordsInvalid", fieldErrors: {} };
  if (rawRows.length > MAX_EDITOR_ROWS) return { ok: false, error: "dns.errors.tooManyRecords", fieldErrors: {} };
  const fieldErrors: Record<string, string> = {};
  const records: EditorRecord[] = [];
  rawRows.forEach((raw, index) => {
    const result = validateRow(raw);
    if (result.ok) records.push(result.record);
    else for (const [field, key] of Object.entries(result.errors)) fieldErrors[`${index}.${field}`] = key;
  });
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: "errors.checkFields", fieldErrors };
  const cross: Map<number, RowErrors> = crossRowErrors(records, options);
  for (const [index, errors] of cross) for (const [field, key] of Object.entries(errors)) fieldErrors[`${index}.${field}`] = key;
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: "errors.checkFields", fieldErrors };
  return { ok: true, records };
}

/**
 * "Guardar cambios" of the DNS editor: every row is validated, then the whole set goes to the DNS
 * server as one change and, once it accepted, replaces the stored rows. A refusal changes nothing;
 * if storing fails after the server accepted, the server is given the previous set back.
 */
export async function saveZoneRecords(user: SessionUser, input: SaveZoneInput, ip: string | null = null): Promise<DnsActionResult> {
  const db = await getDb();
  const domain = await getClientDomain(user.scope, input.domainId, { db });
  if (!domain) return { ok: false, error: "dns.errors.notFound" };
  if (isFinishedDomainStatus(domain.status)) return { ok: false, error: "domainManage.errors.notManageable" };
  if (!domain.dnsManagement) return { ok: false, error: "dns.errors.notEnabled" };
  let raw: unknown;
  try {
    raw = JSON.parse(input.records);
  } catch {
    return { ok: false, error: "dns.errors.recordsInvalid" };
  }
  const forwarding = (await countForwards(db, user.scope, domain.id)) > 0;
  const validated = validateRows(raw, { forwardingActive: forwarding });
  if (!validated.ok) return validated;
  const records = validated.records;

  // A redirect host another live domain row holds (the same name on another account) cannot be
  // taken; one left by a finished domain row is released when the rows are written.
  const hostnames = records.filter((record) => REDIRECT_TYPES.has(record.type)).map((record) => absoluteHost(record.host, domain.name));
  if (hostnames.length > 0) {
    const taken = await db
      .select({ hostname: dnsRedirects.hostname })
      .from(dnsRedirects)
      .innerJoin(domains, eq(domains.id, dnsRedirects.domainId))
      .where(and(inArray(dnsRedirects.hostname, hostnames), ne(dnsRedirects.domainId, domain.id), notInArray(domains.status, [...FINISHED_DOMAIN_STATUSES])));
    if (taken.length > 0) {
      const takenSet = new Set(taken.map((row) => row.hostname));
      const fieldErrors: Record<string, string> = {};
      records.forEach((record, index) => {
        if (REDIRECT_TYPES.has(record.type) && takenSet.has(absoluteHost(record.host, domain.name))) fieldErrors[`${index}.host`] = "dns.errors.redirectHostTaken";
      });
      return { ok: false, error: "errors.checkFields", fieldErrors };
    }
  }

  const previous = await loadEditorRecords(db, user.scope, domain.id);
  try {
    await publishZone(db, domain.name, desiredZoneRecords(domain.name, records, { forwarding }));
  } catch (error) {
    if (isDnsError(error)) return { ok: false, error: error.messageKey };
    throw error;
  }
  try {
    await db.transaction(async (tx) => {
      await writeEditorRecords(tx, user.scope, domain, records);
      await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "dns.zone_saved", details: { domain: domain.name, records: records.length }, ip });
    });
  } catch (error) {
    // Both or neither: the server goes back to what we still have stored.
    await publishZone(db, domain.name, desiredZoneRecords(domain.name, previous, { forwarding })).catch(() => undefined);
    throw error;
  }
  return { ok: true };
}
