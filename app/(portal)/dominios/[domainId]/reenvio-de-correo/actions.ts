"use server";

import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { clientIp } from "@/lib/auth/client-ip";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions";
import { addEmailForward, addForwardSchema, deleteEmailForward, deleteForwardSchema } from "@/lib/domains/dns/email-forwards";

export const addForwardAction = userAction({ schema: addForwardSchema, permission: "managedomains" }, async (input, user) => {
  const result = await addEmailForward(user, input, clientIp(await headers()));
  if (!result.ok && result.error === "dns.errors.notFound") notFound();
  if (result.ok) revalidatePath(`/dominios/${input.domainId}/reenvio-de-correo`);
  return result.ok ? { ok: true, message: "dns.forwards.added" } : result;
});

export const deleteForwardAction = userAction({ schema: deleteForwardSchema, permission: "managedomains" }, async (input, user) => {
  const result = await deleteEmailForward(user, input, clientIp(await headers()));
  if (!result.ok && result.error === "dns.errors.notFound") notFound();
  if (result.ok) revalidatePath(`/dominios/${input.domainId}/reenvio-de-correo`);
  return result.ok ? { ok: true, message: "dns.forwards.deleted" } : result;
});
