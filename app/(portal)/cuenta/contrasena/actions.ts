"use server";

import { headers } from "next/headers";
import { changePassword, changePasswordFormSchema } from "@/lib/account/change-password";
import { userAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";

// Any signed-in person may change their own password, so no permission is asked for.
export const changePasswordAction = userAction({ schema: changePasswordFormSchema, credentials: true, revalidate: "/cuenta/seguridad" }, async (input, user) => {
  const result = await changePassword(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  return { ok: true, message: "security.password.saved" };
});
