"use server";

import { headers } from "next/headers";
import { userAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { changePanelPassword, panelPasswordSchema } from "@/lib/services/panel-password";

export const changePanelPasswordAction = userAction({ schema: panelPasswordSchema, permission: "manageproducts" }, async (input, user) => {
  const result = await changePanelPassword(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  return { ok: true, message: "services.password.saved" };
});
