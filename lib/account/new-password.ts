import { contacts } from "@/db/schema";
import { checkPassword, type PasswordContext } from "./password-policy";

/** What a link that sets a password (reset, invitation) reads of its contact: who it is and whether it may sign in. */
export const passwordLinkContactColumns = {
  id: contacts.id,
  clientId: contacts.clientId,
  email: contacts.email,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  hasAccess: contacts.hasAccess,
};

/** The personal data the policy keeps out of a person's password: their address and their name. */
export function passwordContextOf(contact: { email: string; firstName: string; lastName: string }): PasswordContext {
  return { email: contact.email, userInputs: [contact.firstName, contact.lastName] };
}

export type NewPasswordErrors = { password?: string; confirmation?: string };

/**
 * What every form that sets a password (Cambiar contraseña, a reset link, an invitation) answers about
 * the new one: the one password policy, and a confirmation that matches it. Catalog keys.
 */
export async function checkNewPassword(password: string, confirmation: string, context: PasswordContext): Promise<NewPasswordErrors> {
  const errors: NewPasswordErrors = {};
  const policy = await checkPassword(password, context);
  if (policy.errorKey) errors.password = policy.errorKey;
  if (!confirmation) errors.confirmation = "errors.required";
  else if (confirmation !== password) errors.confirmation = "security.errors.passwordMismatch";
  return errors;
}

/** checkNewPassword under the field names of the reset and invitation forms; null when both are fine. */
export async function newPasswordFieldErrors(
  input: { password: string; passwordConfirmation: string },
  context: PasswordContext,
): Promise<Record<string, string> | null> {
  const errors = await checkNewPassword(input.password, input.passwordConfirmation, context);
  const fieldErrors: Record<string, string> = {};
  if (errors.password) fieldErrors.password = errors.password;
  if (errors.confirmation) fieldErrors.passwordConfirmation = errors.confirmation;
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : null;
}
