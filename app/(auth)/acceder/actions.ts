"use server";

import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/config";

const signInSchema = z.object({
  email: z.string().trim().min(1, "errors.required").max(254, "errors.emailInvalid"),
  password: z.string().min(1, "errors.required").max(200, "errors.invalidValue"),
});

export const signInAction = publicAction({ schema: signInSchema }, async ({ email, password }) => {
  try {
    // Redirects (throws NEXT_REDIRECT) on success.
    await signIn("credentials", { email, password, redirectTo: "/" });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { ok: false, error: error.code === "rate_limited" ? "errors.rateLimited" : "errors.invalidCredentials" };
    }
    throw error;
  }
});
