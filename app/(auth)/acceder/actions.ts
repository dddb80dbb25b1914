"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { fieldErrorsFrom, parseForm, type ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { signIn } from "@/lib/auth/config";
import { beginSignIn, signInErrorKey } from "@/lib/auth/two-factor-sign-in";

/** After a right password on an account with two-factor sign-in: the form asks for the code next. */
export type CodeStep = { ok: false; step: "code"; pendingToken: string; error?: undefined; fieldErrors?: undefined };
export type SignInState = ActionResult | CodeStep | null;

const signInSchema = z.object({
  email: z.string().trim().min(1, "errors.required").max(254, "errors.emailInvalid"),
  password: z.string().min(1, "errors.required").max(200, "errors.invalidValue"),
});

const codeSchema = z.object({
  pendingToken: z.string().max(128).default(""),
  code: z.string().trim().max(32, "errors.invalidValue").default(""),
});

// Shown next to the code field; the other refusals (expired, throttled) concern the whole form.
const CODE_FIELD_ERRORS = new Set(["twoFactor.errors.codeInvalid", "twoFactor.errors.codeAlreadyUsed", "twoFactor.errors.codeRequired"]);

/** Step 1: email and password. The password is checked here, once; the session is opened by finishSignIn. */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<ActionResult | CodeStep> {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
  const started = await beginSignIn({ ...parsed.data, ip: clientIp(await headers()) });
  if (!started.ok) return { ok: false, error: started.error };
  if (started.needsCode) return { ok: false, step: "code", pendingToken: started.pendingToken };
  return finishSignIn(started.pendingToken, "");
}

/** Step 2 for accounts with two-factor sign-in: the pending token from step 1 and a TOTP or backup code. */
export async function twoFactorSignInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = parseForm(codeSchema, formData);
  if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
  const { pendingToken, code } = parsed.data;
  if (!pendingToken) return { ok: false, error: "twoFactor.errors.signInExpired" };
  if (!code) return { ok: false, error: "errors.checkFields", fieldErrors: { code: "twoFactor.errors.codeRequired" } };
  return finishSignIn(pendingToken, code);
}

async function finishSignIn(pendingToken: string, code: string): Promise<ActionResult> {
  try {
    // Redirects (throws NEXT_REDIRECT) on success.
    await signIn("credentials", { pendingToken, code, redirectTo: "/" });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const key = signInErrorKey(error.code);
      return CODE_FIELD_ERRORS.has(key) ? { ok: false, error: "errors.checkFields", fieldErrors: { code: key } } : { ok: false, error: key };
    }
    throw error;
  }
}
