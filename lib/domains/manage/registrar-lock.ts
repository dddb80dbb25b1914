import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { domains } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { getProvider } from "@/lib/providers";
import { rowIdField } from "@/lib/row-id";
import { findManageableDomain, registrarRefusal, type ManageResult } from "./manageable-domain";

export const registrarLockSchema = z.object({
  domainId: rowIdField(),
  locked: z.enum(["on", "off"], { message: "errors.invalidValue" }).transform((value) => value === "on"),
});
export type RegistrarLockInput = z.infer<typeof registrarLockSchema>;

/** "Bloquear registro" (walkthrough §5.1.3, §5.2.3): the registrar first, our row once it has accepted. */
export async function setRegistrarLock(user: SessionUser, input: RegistrarLockInput, ip: string | null = null): Promise<ManageResult<{ locked: boolean }>> {
  const db = await getDb();
  const found = await findManageableDomain(db, user.scope, input.domainId);
  if (!found.ok) return found;
  try {
    await getProvider("registrar").setLock(found.domain.name, input.locked);
  } catch (error) {
    return registrarRefusal(error);
  }
  await db
    .update(domains)
    .set({ registrarLock: input.locked })
    .where(and(eq(domains.id, found.domain.id), eq(domains.clientId, user.clientId)));
  await recordAudit(db, { clientId: user.clientId, contactId: user.contactId, action: "domain.lock_changed", details: { domainId: found.domain.id, domain: found.domain.name, locked: input.locked }, ip });
  return { ok: true, data: { locked: input.locked } };
}
