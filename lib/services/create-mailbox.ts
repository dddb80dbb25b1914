import { z } from "zod";
import { getDb } from "@/db/client";
import { checkNewPassword } from "@/lib/account/new-password";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { isHostingPanelError } from "@/lib/hosting/hosting-panel";
import { getProvider } from "@/lib/providers";
import { rowIdField } from "@/lib/row-id";
import { loadPanelTarget } from "./panel-target";
import { panelPasswordContext } from "./panel-password";

export const MAILBOX_DEFAULT_QUOTA_MB = 1024;
export const MAILBOX_MAX_QUOTA_MB = 51_200;

export const createMailboxSchema = z.object({
  serviceId: rowIdField(),
  // What goes before the @: letters, digits, dots, hyphens and underscores, not starting or ending with a dot.
  localPart: z
    .string({ message: "errors.required" })
    .trim()
    .toLowerCase()
    .min(1, { message: "errors.required" })
    .max(64, { message: "services.errors.mailboxNameTooLong" })
    .regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/, { message: "services.errors.mailboxNameInvalid" }),
  password: z.string().max(1000, { message: "security.errors.passwordTooLong" }).optional(),
  passwordConfirmation: z.string().max(1000, { message: "security.errors.passwordTooLong" }).optional(),
  quotaMb: z
    .string({ message: "errors.required" })
    .trim()
    .regex(/^\d{1,6}$/, { message: "services.errors.quotaInvalid" })
    .transform(Number)
    .refine((value) => value >= 1 && value <= MAILBOX_MAX_QUOTA_MB, { message: "services.errors.quotaInvalid" }),
});
export type CreateMailboxInput = z.infer<typeof createMailboxSchema>;

export type CreateMailboxResult = { ok: true; email: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** "Crear una cuenta de correo electrónico" on the service's own domain, through the panel. The password is not kept. */
export async function createMailbox(user: SessionUser, input: CreateMailboxInput, ip: string | null): Promise<CreateMailboxResult> {
  const db = await getDb();
  const target = await loadPanelTarget(db, user.scope, input.serviceId);
  if (!target) return { ok: false, error: "services.errors.notFound" };
  if (target.status !== "active") return { ok: false, error: "services.errors.notActive" };
  if (!target.account) return { ok: false, error: "services.errors.noPanelAccount" };
  const password = input.password ?? "";
  const context = panelPasswordContext(user, { username: target.account.username, domain: target.domain });
  const errors = await checkNewPassword(password, input.passwordConfirmation ?? "", { ...context, userInputs: [...(context.userInputs ?? []), input.localPart] });
  const fieldErrors: Record<string, string> = {};
  if (errors.password) fieldErrors.password = errors.password;
  if (errors.confirmation) fieldErrors.passwordConfirmation = errors.confirmation;
  if (target.diskLimitMb !== null && input.quotaMb > target.diskLimitMb) fieldErrors.quotaMb = "services.errors.quotaAboveDisk";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: "errors.checkFields", fieldErrors };

  const email = `${input.localPart}@${target.domain}`;
  try {
    await getProvider("hosting").createMailbox(target.account.server, {
      username: target.account.username,
      domain: target.domain,
      localPart: input.localPart,
      password,
      quotaMb: input.quotaMb,
    });
  } catch (error) {
    if (isHostingPanelError(error)) {
      if (error.code === "already_exists") return { ok: false, error: "errors.checkFields", fieldErrors: { localPart: "services.errors.mailboxExists" } };
      return { ok: false, error: error.messageKey };
    }
    throw error;
  }
  await recordAudit(db, {
    clientId: user.clientId,
    contactId: user.contactId,
    action: "service.mailbox_created",
    details: { serviceId: target.serviceId, email, quotaMb: input.quotaMb },
    ip,
  });
  return { ok: true, email };
}
