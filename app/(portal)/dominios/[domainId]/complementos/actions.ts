"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { hasPermission } from "@/lib/auth/permissions";
import { getClientDomain } from "@/lib/domains/client-domain";
import { buyIdProtection, turnOffIdProtection } from "@/lib/domains/orders/id-protection-order";
import { rowIdField } from "@/lib/row-id";

const schema = z.object({ domainId: rowIdField("store.errors.domainNotYours") });

/** "Contratar" ID protection: the invoice is next (its payment turns it on at the registrar). */
export const buyIdProtectionAction = userAction({ schema, permission: "managedomains" }, async ({ domainId }, user) => {
  // Another client's domain id is "not found", never "not yours".
  if (!(await getClientDomain(user.scope, domainId))) notFound();
  const result = await buyIdProtection(user.scope, domainId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/dominios/${domainId}/complementos`);
  redirect(hasPermission(user, "invoices") && result.invoiceId ? `/facturacion/facturas/${result.invoiceId}` : `/dominios/${domainId}/complementos?aviso=facturado`);
});

/** "Desactivar": the registrar first; a refusal shows its message and changes nothing. */
export const turnOffIdProtectionAction = userAction({ schema, permission: "managedomains" }, async ({ domainId }, user) => {
  if (!(await getClientDomain(user.scope, domainId))) notFound();
  const result = await turnOffIdProtection(user.scope, domainId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(`/dominios/${domainId}/complementos`);
  redirect(`/dominios/${domainId}/complementos?aviso=desactivado`);
});
