"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { requestPasswordReset, resetPassword } from "@/lib/account/password-reset";
import { clientIp } from "@/lib/auth/client-ip";

const requestSchema = z.object({
  email: z.string().trim().min(1, "errors.required").max(254, "errors.emailInvalid").pipe(z.email("errors.emailInvalid")),
});

export const requestResetAction = publicAction({ schema: requestSchema }, async ({ email }) => {
  const result = await requestPasswordReset({ email, ip: clientIp(await headers()) });
  if (!result.ok) return result;
  return { ok: true, message: "auth.forgot.sent" };
});

const resetSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(200, "security.errors.passwordTooLong").default(""),
  passwordConfirmation: z.string().max(200, "security.errors.passwordTooLong").default(""),
  securityAnswer: z.string().max(200, "errors.invalidValue").optional(),
});

export const resetPasswordAction = publicAction({ schema: resetSchema }, async (input) => {
  const result = await resetPassword({ ...input, ip: clientIp(await headers()) });
  if (!result.ok) return result;
  redirect("/acceder?restablecida=1");
});
