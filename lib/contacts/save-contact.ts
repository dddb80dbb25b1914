import { and, eq, ne } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { contacts, type Permission } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { CONTACT_DATA_FIELDS, contactSchema, fieldErrorsOf, parseContactId, type ContactInput } from "./contact-input";
import { endContactAccess } from "./end-contact-access";
import { accountNameOf, issueInvitation, sendInvitationEmail } from "./invitation";
import { isUniqueViolation } from "./unique-violation";

export type SaveContactResult =
  | {
      ok: true;
      contactId: number;
      created: boolean;
      /** Whether an invitation was due and, if so, whether its email went out. */
      invitation: "sent" | "failed" | null;
    }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

type Failure = Extract<SaveContactResult, { ok: false }>;
type Saved = { contactId: number; created: boolean; invite: { token: string; email: string; firstName: string } | null; accountName: string };

const EMAIL_TAKEN: Failure = { ok: false, error: "errors.checkFields", fieldErrors: { email: "contacts.errors.emailTaken" } };

function samePermissions(a: readonly Permission[], b: readonly Permission[]): boolean {
  return a.length === b.length && a.every((permission) => b.includes(permission));
}

/** Another contact (of any client) already signs in with this address. */
async function loginEmailTaken(tx: Transaction, email: string, contactId: number | null): Promise<boolean> {
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.email, email), eq(contacts.hasAccess, true), contactId === null ? undefined : ne(contacts.id, contactId)))
    .limit(1);
  return Boolean(row);
}

/**
 * "Contactos/Sub-cuentas" (walkthrough §3.1): creates or changes a contact of the session's client.
 * Access and permissions are the owner's alone: from a sub-account (even one allowed to manage
 * contacts) those fields are ignored, and it cannot change the sign-in address of a contact that has
 * access. Giving access sends a single-use invitation; removing it signs the contact out at once.
 */
export async function saveContact(user: SessionUser, input: ContactInput, ip: string): Promise<SaveContactResult> {
  if (!hasPermission(user, "contacts")) return { ok: false, error: "errors.forbidden" };
  const contactId = parseContactId(input.contactId);
  if (contactId === undefined) return { ok: false, error: "contacts.errors.notFound" };
  const parsed = contactSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsOf(parsed.error) };
  const values = parsed.data;

  const db = await getDb();
  let saved: Saved | Failure;
  try {
    saved = await db.transaction(async (tx): Promise<Saved | Failure> => {
      const [current] =
        contactId === null
          ? [undefined]
          : await tx
              .select()
              .from(contacts)
              .where(and(eq(contacts.id, contactId), eq(contacts.clientId, user.clientId)))
              .for("update");
      if (contactId !== null && !current) return { ok: false, error: "contacts.errors.notFound" };
      if (current?.isOwner) return { ok: false, error: "contacts.errors.ownerNotEditable" };

      const hadAccess = current?.hasAccess ?? false;
      const hasAccess = user.isOwner ? values.hasAccess : hadAccess;
      const previousPermissions = current?.permissions ?? [];
      const permissions = user.isOwner ? (hasAccess ? values.permissions : []) : previousPermissions;

      // The address a sub-account signs in with is part of its access: changing it could hand that login
      // to whoever reads the new mailbox (a password reset away), so only the owner may.
      if (!user.isOwner && hadAccess && current && values.email !== current.email) {
        return { ok: false, error: "errors.checkFields", fieldErrors: { email: "contacts.errors.emailLocked" } };
      }
      if (hasAccess && (await loginEmailTaken(tx, values.email, current?.id ?? null))) return EMAIL_TAKEN;

      const data = {
        firstName: values.firstName,
        lastName: values.lastName,
        companyName: values.companyName,
        email: values.email,
        phone: values.phone,
        address1: values.address1,
        city: values.city,
        province: values.province,
        postcode: values.postcode,
        country: values.country,
        emailPreferences: values.emailPreferences,
      };
      const audit = (action: Parameters<typeof recordAudit>[1]["action"], details: Record<string, unknown>) =>
        recordAudit(tx, { clientId: user.clientId, contactId: user.contactId, action, details, ip });

      let id: number;
      if (!current) {
        const [row] = await tx
          .insert(contacts)
          .values({ ...data, clientId: user.clientId, isOwner: false, hasAccess, permissions })
          .returning({ id: contacts.id });
        id = row!.id;
        await audit("contact.created", { contactId: id, name: `${data.firstName} ${data.lastName}`, email: data.email, emailPreferences: data.emailPreferences });
      } else {
        id = current.id;
        const changedFields: string[] = CONTACT_DATA_FIELDS.filter((field) => current[field] !== values[field]);
        const preferencesChanged = Object.entries(values.emailPreferences).some(
          ([key, value]) => current.emailPreferences[key as keyof typeof values.emailPreferences] !== value,
        );
        if (preferencesChanged) changedFields.push("emailPreferences");
        const revoking = hadAccess && !hasAccess;
        const permissionsChanged = hasAccess && hadAccess && !samePermissions(previousPermissions, permissions);
        if (changedFields.length > 0 || hasAccess !== hadAccess || permissionsChanged) {
          if (revoking) await endContactAccess(tx, current);
          await tx
            .update(contacts)
            .set({ ...data, ...(revoking ? {} : { hasAccess, permissions }), updatedAt: new Date() })
            .where(and(eq(contacts.id, id), eq(contacts.clientId, user.clientId)));
        }
        if (changedFields.length > 0) await audit("contact.updated", { contactId: id, fields: changedFields });
        if (revoking) await audit("contact.access_revoked", { contactId: id, email: current.email });
        if (permissionsChanged) {
          await audit("contact.permissions_changed", {
            contactId: id,
            added: permissions.filter((permission) => !previousPermissions.includes(permission)),
            removed: previousPermissions.filter((permission) => !permissions.includes(permission)),
          });
        }
      }

      const granting = hasAccess && !hadAccess;
      if (granting) await audit("contact.access_granted", { contactId: id, email: values.email, permissions });
      // A pending invitation whose address the owner corrected goes to the new address; the old link stops working.
      const redirected = hasAccess && hadAccess && current?.passwordHash === null && current.email !== values.email;
      const invite = granting || redirected ? { token: await issueInvitation(tx, id, ip), email: values.email, firstName: values.firstName } : null;
      return { contactId: id, created: !current, invite, accountName: invite ? await accountNameOf(tx, user.clientId) : "" };
    });
  } catch (error) {
    // Two saves racing for the same sign-in address: the unique index lets one through.
    if (isUniqueViolation(error)) return EMAIL_TAKEN;
    throw error;
  }
  if ("ok" in saved) return saved;

  let invitation: "sent" | "failed" | null = null;
  if (saved.invite) {
    const sent = await sendInvitationEmail({
      token: saved.invite.token,
      contact: { id: saved.contactId, clientId: user.clientId, email: saved.invite.email, firstName: saved.invite.firstName },
      inviterName: user.name,
      accountName: saved.accountName,
    });
    invitation = sent ? "sent" : "failed";
  }
  return { ok: true, contactId: saved.contactId, created: saved.created, invitation };
}
