import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { domains } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { getProvider } from "@/lib/providers";
import { isHostName, MAX_NAMESERVERS, MIN_NAMESERVERS } from "@/lib/registrar/registrar-checks";
import { rowIdField } from "@/lib/row-id";
import { getDomainSettings } from "@/lib/settings/get-settings";
import { findManageableDomain, registrarRefusal, type ManageResult } from "./manageable-domain";

export const NAMESERVER_FIELDS = ["ns1", "ns2", "ns3", "ns4", "ns5"] as const;
export type NameserverField = (typeof NAMESERVER_FIELDS)[number];

/** What people type: "NS1.Example.com." is ns1.example.com. */
export function normalizeHost(value: string | undefined): string {
  return (value ?? "").trim().toLowerCase().replace(/\.$/, "");
}

const optionalHost = z.string().optional().transform(normalizeHost);

export const nameserversSchema = z
  .object({
    domainId: rowIdField(),
    mode: z.enum(["default", "custom"], { message: "errors.invalidValue" }),
    ns1: optionalHost,
    ns2: optionalHost,
    ns3: optionalHost,
    ns4: optionalHost,
    ns5: optionalHost,
  })
  .superRefine((input, context) => {
    if (input.mode === "default") return;
    const seen = new Set<string>();
    let filled = 0;
    for (const field of NAMESERVER_FIELDS) {
      const host = input[field];
      if (!host) continue;
      filled += 1;
      if (!isHostName(host)) context.addIssue({ code: "custom", path: [field], message: "domainManage.errors.hostName" });
      else if (seen.has(host)) context.addIssue({ code: "custom", path: [field], message: "domainManage.errors.nameserverDuplicate" });
      seen.add(host);
    }
    if (filled < MIN_NAMESERVERS) {
      // The message goes next to the first of the two required boxes that is empty.
      const empty = NAMESERVER_FIELDS.slice(0, MIN_NAMESERVERS).find((field) => !input[field]) ?? "ns1";
      context.addIssue({ code: "custom", path: [empty], message: "domainManage.errors.nameserverRequired" });
    }
  });
export type NameserversInput = z.infer<typeof nameserversSchema>;

/**
 * "Servidores de nombres" (walkthrough §5.1.1, §5.2.2): the company's defaults or 2 to 5 of the
 * customer's own. The registrar gets the whole set first; our row changes only once it has accepted.
 */
export async function saveDomainNameservers(user: SessionUser, input: NameserversInput, ip: string | null = null): Promise<ManageResult<{ nameservers: string[] }>> {
  const db = await getDb();
  const found = await findManageableDomain(db, user.scope, input.domainId);
  if (!found.ok) return found;
  const custom = input.mode === "custom";
  const nameservers = custom
    ? NAMESERVER_FIELDS.map((field) => input[field]).filter((host) => host !== "").slice(0, MAX_NAMESERVERS)
    : (await getDomainSettings(db)).defaultNameservers;
  try {
    await getProvider("registrar").saveNameservers(found.domain.name, nameservers);
  } catch (error) {
    return registrarRefusal(error);
  }
  await db
    .update(domains)
    .set({ nameservers: custom ? nameservers : [], useDefaultNameservers: !custom })
    .where(and(eq(domains.id, found.domain.id), eq(domains.clientId, user.clientId)));
  await recordAudit(db, { clientId: user.clientId, contactId: user.contactId, action: "domain.nameservers_changed", details: { domainId: found.domain.id, domain: found.domain.name, useDefault: !custom, nameservers }, ip });
  return { ok: true, data: { nameservers } };
}
