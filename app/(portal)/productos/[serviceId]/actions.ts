"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { withdrawCancellation, withdrawCancellationSchema } from "@/lib/services/cancellation";
import { createMailbox, createMailboxSchema } from "@/lib/services/create-mailbox";
import { openPanelSession, panelLoginSchema } from "@/lib/services/panel-access";

/** "Acceder a cPanel", "Acceder a Webmail" and the quick-access icons: a fresh one-time session, followed at once. */
export const panelLoginAction = userAction({ schema: panelLoginSchema, permission: "productsso" }, async (input, user) => {
  const result = await openPanelSession(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  redirect(result.url);
});

export const createMailboxAction = userAction({ schema: createMailboxSchema, permission: "manageproducts" }, async (input, user) => {
  const result = await createMailbox(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  return { ok: true, data: { email: result.email } };
});

export const withdrawCancellationAction = userAction({ schema: withdrawCancellationSchema, permission: "manageproducts" }, async (input, user) => {
  const result = await withdrawCancellation(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  revalidatePath(`/productos/${input.serviceId}`);
  redirect(`/productos/${input.serviceId}?aviso=retirada`);
});
