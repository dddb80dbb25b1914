"use server";

import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { clientIp } from "@/lib/auth/client-ip";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions";
import { disableDnsManagement, disableDnsSchema } from "@/lib/domains/dns/disable-dns";
import { enableDnsManagement, enableDnsSchema, saveZoneRecords, saveZoneSchema } from "@/lib/domains/dns/save-zone";

// Another client's domain id (or nobody's) answers 404, as the page does.
export const enableDnsAction = userAction({ schema: enableDnsSchema, permission: "managedomains" }, async (input, user) => {
  const result = await enableDnsManagement(user, input, clientIp(await headers()));
  if (!result.ok && result.error === "dns.errors.notFound") notFound();
  if (result.ok) revalidatePath(`/dominios/${input.domainId}/dns`);
  return result.ok ? { ok: true, message: "dns.editor.enabled" } : result;
});

export const saveZoneAction = userAction({ schema: saveZoneSchema, permission: "managedomains" }, async (input, user) => {
  const result = await saveZoneRecords(user, input, clientIp(await headers()));
  if (!result.ok && result.error === "dns.errors.notFound") notFound();
  if (result.ok) revalidatePath(`/dominios/${input.domainId}/dns`);
  return result.ok ? { ok: true, message: "dns.editor.saved" } : result;
});

export const disableDnsAction = userAction({ schema: disableDnsSchema, permission: "managedomains" }, async (input, user) => {
  const result = await disableDnsManagement(user, input, clientIp(await headers()));
  if (!result.ok && result.error === "dns.errors.notFound") notFound();
  if (result.ok) revalidatePath(`/dominios/${input.domainId}/dns`);
  return result.ok ? { ok: true, message: "dns.editor.disabled" } : result;
});
