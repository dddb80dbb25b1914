"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { userAction, type ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { autoRenewSchema, setAutoRenew } from "@/lib/domains/manage/auto-renew";
import { domainContactSchema, saveDomainContact } from "@/lib/domains/manage/contacts";
import { eppCodeSchema, requestEppCode } from "@/lib/domains/manage/epp-code";
import { nameserversSchema, saveDomainNameservers } from "@/lib/domains/manage/nameservers";
import {
  deletePrivateNameserver,
  deletePrivateNameserverSchema,
  modifyPrivateNameserver,
  privateNameserverSchema,
  registerPrivateNameserver,
} from "@/lib/domains/manage/private-nameservers";
import { registrarLockSchema, setRegistrarLock } from "@/lib/domains/manage/registrar-lock";

// Every action needs "managedomains"; the use cases answer another client's domain as not found and
// send each change to the registrar before saving it.

async function ip(): Promise<string | null> {
  return clientIp(await headers());
}

function refreshDomain<T>(domainId: number, result: ActionResult<T>): ActionResult<T> {
  if (result.ok) revalidatePath(`/dominios/${domainId}`, "layout");
  return result;
}

export const setAutoRenewAction = userAction({ schema: autoRenewSchema, permission: "managedomains" }, async (input, user) => {
  const result = await setAutoRenew(user, input, await ip());
  if (!result.ok) return result;
  revalidatePath(`/dominios/${input.domainId}`, "layout");
  redirect(`/dominios/${input.domainId}/auto-renovar?aviso=${input.autoRenew ? "activada" : "desactivada"}`);
});

export const setRegistrarLockAction = userAction({ schema: registrarLockSchema, permission: "managedomains" }, async (input, user) => {
  const result = await setRegistrarLock(user, input, await ip());
  if (!result.ok) return result;
  revalidatePath(`/dominios/${input.domainId}`, "layout");
  redirect(`/dominios/${input.domainId}/bloqueo?aviso=${input.locked ? "activado" : "desactivado"}`);
});

export const saveNameserversAction = userAction({ schema: nameserversSchema, permission: "managedomains" }, async (input, user) =>
  refreshDomain(input.domainId, await saveDomainNameservers(user, input, await ip())),
);

export const saveDomainContactAction = userAction({ schema: domainContactSchema, permission: "managedomains" }, async (input, user) =>
  refreshDomain(input.domainId, await saveDomainContact(user, input, await ip())),
);

export const registerPrivateNameserverAction = userAction({ schema: privateNameserverSchema, permission: "managedomains" }, async (input, user) =>
  refreshDomain(input.domainId, await registerPrivateNameserver(user, input, await ip())),
);

export const modifyPrivateNameserverAction = userAction({ schema: privateNameserverSchema, permission: "managedomains" }, async (input, user) => {
  const result = await modifyPrivateNameserver(user, input, await ip());
  if (!result.ok) return result;
  revalidatePath(`/dominios/${input.domainId}`, "layout");
  redirect(`/dominios/${input.domainId}/servidores-privados?aviso=modificado&servidor=${encodeURIComponent(result.data!.host)}`);
});

export const deletePrivateNameserverAction = userAction({ schema: deletePrivateNameserverSchema, permission: "managedomains" }, async (input, user) => {
  const result = await deletePrivateNameserver(user, input, await ip());
  if (!result.ok) return result;
  revalidatePath(`/dominios/${input.domainId}`, "layout");
  redirect(`/dominios/${input.domainId}/servidores-privados?aviso=eliminado&servidor=${encodeURIComponent(result.data!.host)}`);
});

export const requestEppCodeAction = userAction({ schema: eppCodeSchema, permission: "managedomains" }, async (input, user) => requestEppCode(user, input, await ip()));
