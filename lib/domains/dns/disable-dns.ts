import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { domains, isFinishedDomainStatus } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record-audit";
import { getClientDomain } from "@/lib/domains/client-domain";
import { isDnsError } from "@/lib/dns/dns-provider";
import { getProvider } from "@/lib/providers";
import { rowIdField } from "@/lib/row-id";
import type { DnsActionResult } from "./save-zone";
import { writeEditorRecords } from "./write-zone";
import { countForwards } from "./zone-state";

export const disableDnsSchema = z.object({ domainId: rowIdField() });

/**
 * "Desactivar la gestión de DNS": the zone leaves our DNS server first (a zone it no longer has is
 * fine), then the stored records and redirects go and the domain is marked. Refused while the
 * domain has email forwards, which live in that zone's MX records.
 */
export async function disableDnsManagement(user: SessionUser, input: { domainId: number }, ip: string | null = null): Promise<DnsActionResult> {
  const db = await getDb();
  const domain = await getClientDomain(user.scope, input.domainId, { db });
  if (!domain) return { ok: false, error: "dns.errors.notFound" };
  if (isFinishedDomainStatus(domain.status)) return { ok: false, error: "domainManage.errors.notManageable" };
  if (!domain.dnsManagement) return { ok: true };
  if ((await countForwards(db, user.scope, domain.id)) > 0) return { ok: false, error: "dns.errors.disableWithForwards" };
  try {
    await getProvider("dns").deleteZone(domain.name);
  } catch (error) {
    if (!isDnsError(error)) throw error;
    if (error.code !== "not_found") return { ok: false, error: error.messageKey };
  }
  await db.transaction(async (tx) => {
    await writeEditorRecords(tx, user.scope, domain, []);
    await tx
      .update(domains)
      .set({ dnsManagement: false })
      .where(and(eq(domains.id, domain.id), eq(domains.clientId, user.scope.clientId)));
    await recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action: "dns.disabled", details: { domain: domain.name }, ip });
  });
  return { ok: true };
}
