"use server";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { signIn } from "@/lib/auth/config";
import { PASSKEY_RESPONSE_MAX_LENGTH, passkeySignInErrorKey, startPasskeySignIn } from "@/lib/auth/passkeys";

const responseSchema = z.string().min(1).max(PASSKEY_RESPONSE_MAX_LENGTH);

/** "Iniciar sesión con una llave de acceso", step 1: a fresh single-use challenge for the browser. */
export async function passkeySignInOptionsAction(): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  const started = await startPasskeySignIn(clientIp(await headers()));
  if (!started.ok) return { ok: false, error: started.error };
  return { ok: true, data: started.options };
}

/** Step 2: the signed answer; the "passkey" provider checks it and opens the session (both factors, no code step). */
export async function passkeySignInAction(response: string): Promise<ActionResult> {
  const parsed = responseSchema.safeParse(response);
  if (!parsed.success) return { ok: false, error: "passkeys.errors.verificationFailed" };
  try {
    // Redirects (throws NEXT_REDIRECT) on success.
    await signIn("passkey", { response: parsed.data, redirectTo: "/" });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) return { ok: false, error: passkeySignInErrorKey(error.code) };
    throw error;
  }
}
