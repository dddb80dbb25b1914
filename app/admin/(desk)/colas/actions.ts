"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import type { StaffRole } from "@/lib/auth/scope";
import { staffAction } from "@/lib/staff/staff-action";
import { carryOutCancellationNow, declineCancellation } from "@/lib/staff/queues/cancellation-writes";
import { retryProvisioning } from "@/lib/staff/queues/provisioning-writes";
import { cancellationRequestForm, declineCancellationForm, retryProvisioningForm } from "@/lib/staff/queues/queue-forms";

const context = async () => ({ ip: clientIp(await headers()) });

// Everyone on the staff sees both queues; carrying out or declining a cancellation is billing's
// (it cancels invoices), retrying provisioning is support's. Admins may do everything.
const BILLING: readonly StaffRole[] = ["billing"];
const SUPPORT: readonly StaffRole[] = ["support"];

// Refreshed whatever the outcome: a refused retry still changed the row (its new error and attempt count).
function refreshed(result: ActionResult): ActionResult {
  revalidatePath("/admin/colas", "layout");
  return result;
}

export const carryOutCancellationAction = staffAction({ schema: cancellationRequestForm, roles: BILLING }, async (input, staff) =>
  refreshed(await carryOutCancellationNow(staff, input, await context())),
);

export const declineCancellationAction = staffAction({ schema: declineCancellationForm, roles: BILLING }, async (input, staff) =>
  refreshed(await declineCancellation(staff, input, await context())),
);

export const retryProvisioningAction = staffAction({ schema: retryProvisioningForm, roles: SUPPORT }, async (input, staff) =>
  refreshed(await retryProvisioning(staff, input, await context())),
);
