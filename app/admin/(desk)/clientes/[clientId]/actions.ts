"use server";

import { headers } from "next/headers";
import { profileFormSchema } from "@/lib/account/update-profile";
import { signIn } from "@/lib/auth/config";
import { clientIp } from "@/lib/auth/client-ip";
import { rowIdField } from "@/lib/row-id";
import { chargeForm, clientNoteForm, creditForm, impersonateForm } from "@/lib/staff/clients/client-forms";
import { addClientCredit, addClientNote, addManualCharge, updateClientDetails } from "@/lib/staff/clients/client-writes";
import { createImpersonationGrant } from "@/lib/staff/impersonation";
import { staffAction } from "@/lib/staff/staff-action";

const context = async () => ({ ip: clientIp(await headers()) });

// Roles: money (credit, charges) and the account's details are for billing (and admin); every member
// of staff reads the client and writes notes; "Acceder como cliente" is for support (and admin).

const detailsForm = profileFormSchema.extend({ clientId: rowIdField() });

export const updateClientDetailsAction = staffAction({ schema: detailsForm, roles: ["billing"], revalidate: "/admin/clientes" }, async ({ clientId, ...fields }, staff) =>
  updateClientDetails(staff, clientId, fields, await context()),
);

export const addClientCreditAction = staffAction({ schema: creditForm, roles: ["billing"], revalidate: "/admin/clientes" }, async (input, staff) =>
  addClientCredit(staff, input, await context()),
);

export const addManualChargeAction = staffAction({ schema: chargeForm, roles: ["billing"], revalidate: "/admin/clientes" }, async (input, staff) =>
  addManualCharge(staff, input, await context()),
);

export const addClientNoteAction = staffAction({ schema: clientNoteForm, revalidate: "/admin/clientes" }, async (input, staff) =>
  addClientNote(staff, input, await context()),
);

/**
 * "Acceder como cliente": a single-use grant for the client's owner, traded at once for a customer
 * session in this browser (Auth.js "impersonation" provider), then the portal's dashboard.
 */
export const impersonateClientAction = staffAction({ schema: impersonateForm, roles: ["support"] }, async (input, staff) => {
  const grant = await createImpersonationGrant(staff, input);
  if (!grant.ok) return grant;
  await signIn("impersonation", { grant: grant.data!.grant, redirectTo: "/" });
  return { ok: true };
});

