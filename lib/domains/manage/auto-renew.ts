import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { domains } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { rowIdField } from "@/lib/row-id";
import { findManageableDomain, type ManageResult } from "./manageable-domain";

export const autoRenewSchema = z.object({
  domainId: rowIdField(),
  autoRenew: z.enum(["on", "off"], { message: "errors.invalidValue" }).transform((value) => value === "on"),
});
export type AutoRenewInput = z.infer<typeof autoRenewSchema>;

/**
 * "Auto-renovar" (walkthrough §5.2.1). A billing choice of ours, not a registry setting: the renewal
 * invoice is issued ahead of expiry while it is on, so nothing is sent to the registrar.
 */
export async function setAutoRenew(user: SessionUser, input: AutoRenewInput, ip: string | null = null): Promise<ManageResult<{ autoRenew: boolean }>> {
  const db = await getDb();
  const found = await findManageableDomain(db, user.scope, input.domainId, { anyStatus: true });
  if (!found.ok) return found;
  await db
    .update(domains)
    .set({ autoRenew: input.autoRenew })
    .where(and(eq(domains.id, found.domain.id), eq(domains.clientId, user.clientId)));
  await recordAudit(db, { clientId: user.clientId, contactId: user.contactId, action: "domain.auto_renew_changed", details: { domainId: found.domain.id, domain: found.domain.name, autoRenew: input.autoRenew }, ip });
  return { ok: true, data: { autoRenew: input.autoRenew } };
}
