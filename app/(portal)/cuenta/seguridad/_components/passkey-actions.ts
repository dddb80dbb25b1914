"use server";

import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { z } from "zod";
import { fieldErrorsFrom, userAction, type ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { finishPasskeyRegistration, PASSKEY_NAME_MAX_LENGTH, PASSKEY_RESPONSE_MAX_LENGTH, removePasskey, startPasskeyRegistration } from "@/lib/auth/passkeys";
import { getSessionUser } from "@/lib/auth/session";
import { getCompanySettings } from "@/lib/settings/get-settings";

const nameField = z.string().trim().min(1, "passkeys.errors.nameRequired").max(PASSKEY_NAME_MAX_LENGTH, "passkeys.errors.nameTooLong");

// Field names of their own: the page has other forms with a "password" field, and ids follow names.
const startSchema = z.object({
  passkeyName: nameField,
  passkeyPassword: z.string().min(1, "errors.required").max(200, "errors.invalidValue"),
});

const finishSchema = z.object({
  name: nameField,
  response: z.string().min(1).max(PASSKEY_RESPONSE_MAX_LENGTH),
});

const removeSchema = z.object({ passkeyId: z.coerce.number().int().positive().max(2_147_483_647) });

// Everyone's own passkeys: no permission is asked for, the session names whose they are.

/** Step 1 of "Añadir llave de acceso": name and password checked, then the options for the browser. */
export const startPasskeyRegistrationAction = userAction({ schema: startSchema, credentials: true }, async (input, user): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> => {
  const company = await getCompanySettings();
  const result = await startPasskeyRegistration(user, { password: input.passkeyPassword, rpName: company.tradeName || company.legalName });
  if (!result.ok) {
    // The form's field is "passkeyPassword": the message goes next to it.
    const passwordError = result.fieldErrors?.password;
    return passwordError ? { ok: false, error: result.error, fieldErrors: { passkeyPassword: passwordError } } : result;
  }
  return { ok: true, data: result.options };
});

/** Step 2: the browser's registration answer (JSON), checked and kept under the name typed in step 1. */
export async function finishPasskeyRegistrationAction(input: { name: string; response: string }): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "errors.signedOut" };
  if (user.impersonator) return { ok: false, error: "errors.notWhileImpersonating" };
  const parsed = finishSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
  const result = await finishPasskeyRegistration(user, parsed.data, clientIp(await headers()));
  if (!result.ok) return result;
  revalidatePath("/cuenta/seguridad");
  return { ok: true, message: "passkeys.add.done" };
}

export const removePasskeyAction = userAction({ schema: removeSchema, credentials: true, revalidate: "/cuenta/seguridad" }, async (input, user) => {
  const result = await removePasskey(user, input.passkeyId, clientIp(await headers()));
  // Another person's passkey, or one already gone: not found, the same answer either way.
  if (!result.ok) notFound();
  return { ok: true, message: "passkeys.remove.done" };
});
