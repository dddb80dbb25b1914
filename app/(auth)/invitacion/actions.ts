"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { acceptInvitation } from "@/lib/contacts/invitation";

const acceptSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(200, "security.errors.passwordTooLong").default(""),
  passwordConfirmation: z.string().max(200, "security.errors.passwordTooLong").default(""),
});

export const acceptInvitationAction = publicAction({ schema: acceptSchema }, async (input) => {
  const result = await acceptInvitation({ ...input, ip: clientIp(await headers()) });
  if (!result.ok) return result;
  // The address goes back to the page so it can say which one to sign in with.
  return { ok: true, data: { email: result.email } };
});
