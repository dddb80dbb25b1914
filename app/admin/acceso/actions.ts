"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldErrorsFrom, parseForm, type ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { qrCodeDataUrl } from "@/lib/auth/two-factor-qr";
import { staffCookieName, staffCookieOptions } from "@/lib/staff/staff-cookie";
import { endStaffSession } from "@/lib/staff/staff-sessions";
import { beginStaffSignIn, completeStaffSignIn } from "@/lib/staff/staff-sign-in";

/** After a right password: the code step, with the QR code and key when the authenticator is still to be set up. */
export type StaffCodeStep = {
  ok: false;
  step: "code";
  pendingToken: string;
  enrolment: { secret: string; qrDataUrl: string } | null;
  error?: undefined;
  fieldErrors?: undefined;
};
export type StaffSignInState = ActionResult | StaffCodeStep | null;

const passwordSchema = z.object({
  email: z.string().trim().min(1, "errors.required").max(254, "errors.emailInvalid"),
  password: z.string().min(1, "errors.required").max(200, "errors.invalidValue"),
});

const codeSchema = z.object({
  pendingToken: z.string().max(128).default(""),
  code: z.string().trim().max(16, "errors.invalidValue").default(""),
});

const CODE_FIELD_ERRORS = new Set(["twoFactor.errors.codeInvalid", "twoFactor.errors.codeAlreadyUsed", "twoFactor.errors.codeRequired"]);

export async function staffPasswordAction(_previous: StaffSignInState, formData: FormData): Promise<ActionResult | StaffCodeStep> {
  const parsed = parseForm(passwordSchema, formData);
  if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
  const started = await beginStaffSignIn({ ...parsed.data, ip: clientIp(await headers()) });
  if (!started.ok) return { ok: false, error: started.error };
  const enrolment = started.enrolment ? { secret: started.enrolment.secret, qrDataUrl: await qrCodeDataUrl(started.enrolment.uri) } : null;
  return { ok: false, step: "code", pendingToken: started.pendingToken, enrolment };
}

export async function staffCodeAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = parseForm(codeSchema, formData);
  if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
  const requestHeaders = await headers();
  const result = await completeStaffSignIn({
    pendingToken: parsed.data.pendingToken,
    code: parsed.data.code,
    ip: clientIp(requestHeaders),
    userAgent: requestHeaders.get("user-agent"),
  });
  if (!result.ok) {
    return CODE_FIELD_ERRORS.has(result.error) ? { ok: false, error: "errors.checkFields", fieldErrors: { code: result.error } } : { ok: false, error: result.error };
  }
  (await cookies()).set(staffCookieName(), result.sessionToken, staffCookieOptions());
  redirect("/admin/tickets");
}

/** Ends this browser's staff session on the server (the row is deleted), then clears the cookie. */
export async function staffSignOutAction(): Promise<void> {
  const store = await cookies();
  await endStaffSession(store.get(staffCookieName())?.value);
  store.delete(staffCookieName());
  redirect("/admin/acceso");
}
