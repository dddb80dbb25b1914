import { z } from "zod";
import { getDb } from "@/db/client";
import { checkNewPassword } from "@/lib/account/new-password";
import type { PasswordContext } from "@/lib/account/password-policy";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { isHostingPanelError } from "@/lib/hosting/hosting-panel";
import { getProvider } from "@/lib/providers";
import { rowIdField } from "@/lib/row-id";
import { loadPanelTarget } from "./panel-target";

/** The words of a service that make a panel password easy to guess, as one string (the strength meter's `name`). */
export function panelPersonalWords(user: Pick<SessionUser, "name">, service: { username: string | null; domain: string }): string {
  return [user.name, service.username ?? "", service.domain.split(".")[0] ?? ""].filter(Boolean).join(" ");
}

/** The policy's context for a panel password: the same the meter on the page is given. */
export function panelPasswordContext(user: Pick<SessionUser, "name" | "email">, service: { username: string | null; domain: string }): PasswordContext {
  return { email: user.email, userInputs: [panelPersonalWords(user, service)] };
}

export const panelPasswordSchema = z.object({
  serviceId: rowIdField(),
  password: z.string().max(1000, { message: "security.errors.passwordTooLong" }).optional(),
  passwordConfirmation: z.string().max(1000, { message: "security.errors.passwordTooLong" }).optional(),
});
export type PanelPasswordInput = z.infer<typeof panelPasswordSchema>;

export type PanelChangeResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Services whose panel account exists and can take a new password (a suspended account keeps its password). */
const PASSWORD_STATUSES = new Set(["active", "suspended"]);

/**
 * "Cambiar contraseña" of the hosting panel (§4.1.3): the same policy as the portal's own password,
 * sent to the panel and kept nowhere here (not hashed, not logged, not in the audit row).
 */
export async function changePanelPassword(user: SessionUser, input: PanelPasswordInput, ip: string | null): Promise<PanelChangeResult> {
  const db = await getDb();
  const target = await loadPanelTarget(db, user.scope, input.serviceId);
  if (!target) return { ok: false, error: "services.errors.notFound" };
  if (!PASSWORD_STATUSES.has(target.status)) return { ok: false, error: "services.errors.notActive" };
  if (!target.account) return { ok: false, error: "services.errors.noPanelAccount" };
  const password = input.password ?? "";
  const errors = await checkNewPassword(password, input.passwordConfirmation ?? "", panelPasswordContext(user, { username: target.account.username, domain: target.domain }));
  const fieldErrors: Record<string, string> = {};
  if (errors.password) fieldErrors.password = errors.password;
  if (errors.confirmation) fieldErrors.passwordConfirmation = errors.confirmation;
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: "errors.checkFields", fieldErrors };

  try {
    await getProvider("hosting").changePassword(target.account.server, target.account.username, password);
  } catch (error) {
    if (isHostingPanelError(error)) return { ok: false, error: error.messageKey };
    throw error;
  }
  await recordAudit(db, {
    clientId: user.clientId,
    contactId: user.contactId,
    action: "service.panel_password_changed",
    details: { serviceId: target.serviceId, domain: target.domain },
    ip,
  });
  return { ok: true };
}
