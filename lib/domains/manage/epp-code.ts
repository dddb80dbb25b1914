import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { isRateLimited, recordAttempt, type RateLimitRule } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session";
import { sendEmail } from "@/lib/email/send-email";
import { getProvider } from "@/lib/providers";
import { rowIdField } from "@/lib/row-id";
import { currentDomainContacts } from "./contacts";
import { findManageableDomain, registrarRefusal, type ManageResult } from "./manageable-domain";

/** Each request emails the registrant: a few per domain and hour, so the page cannot be used to flood a mailbox. */
export const EPP_REQUESTS_PER_DOMAIN: RateLimitRule = { limit: 3, windowSeconds: 60 * 60 };

export const eppCodeSchema = z.object({ domainId: rowIdField() });
export type EppCodeInput = z.infer<typeof eppCodeSchema>;

/**
 * "Obtener código EPP" (walkthrough §5.2.9): the registrar's code is emailed to the registrant's
 * address and the page only says where it went. The template marks the code secret, so the copy in
 * the sent-email log (Correos enviados) carries a placeholder: the code is never stored by us.
 */
export async function requestEppCode(user: SessionUser, input: EppCodeInput, ip: string | null = null): Promise<ManageResult<{ email: string }>> {
  const db = await getDb();
  const found = await findManageableDomain(db, user.scope, input.domainId);
  if (!found.ok) return found;
  const { domain } = found;
  const limitKey = `domain-epp:${domain.id}`;
  if (await isRateLimited(limitKey, EPP_REQUESTS_PER_DOMAIN, db)) return { ok: false, error: "domainManage.errors.tooManyRequests" };
  let registrant;
  let eppCode: string;
  try {
    registrant = (await currentDomainContacts(user.scope, domain, { db })).registrant;
    eppCode = await getProvider("registrar").getEppCode(domain.name);
  } catch (error) {
    return registrarRefusal(error);
  }
  if (!registrant.email) return { ok: false, error: "domainManage.errors.email" };
  await sendEmail(
    "domain-epp-code",
    { email: registrant.email, name: registrant.name, clientId: user.clientId, contactId: user.contactId },
    { name: registrant.name, domain: domain.name, eppCode },
  );
  await recordAttempt(limitKey, db);
  // Never the code itself: only that it was asked for and where it went.
  await recordAudit(db, { clientId: user.clientId, contactId: user.contactId, action: "domain.epp_code_requested", details: { domainId: domain.id, domain: domain.name, sentTo: registrant.email }, ip });
  return { ok: true, data: { email: registrant.email } };
}
