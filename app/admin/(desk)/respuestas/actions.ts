"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { staffAction } from "@/lib/staff/staff-action";
import { cannedReplyForm, deleteCannedReplyForm } from "@/lib/staff/ticket-desk-forms";
import { deleteCannedReply, saveCannedReply } from "@/lib/staff/ticket-desk-writes";

const context = async () => ({ ip: clientIp(await headers()) });

// The canned replies every agent uses are kept by administrators: support and billing get 403.
export const saveCannedReplyAction = staffAction({ schema: cannedReplyForm, roles: ["admin"], revalidate: "/admin/respuestas" }, async (input, staff) =>
  saveCannedReply(staff, input, await context()),
);

export const deleteCannedReplyAction = staffAction({ schema: deleteCannedReplyForm, roles: ["admin"], revalidate: "/admin/respuestas" }, async (input, staff) =>
  deleteCannedReply(staff, input, await context()),
);
