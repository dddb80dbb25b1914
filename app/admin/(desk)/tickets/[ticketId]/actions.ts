"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { staffAction } from "@/lib/staff/staff-action";
import { mergeTicketForm, staffReplyForm, ticketNoteForm, ticketPropertiesForm } from "@/lib/staff/ticket-desk-forms";
import { addTicketNote, mergeTickets, staffReplyToTicket, updateTicketProperties } from "@/lib/staff/ticket-desk-writes";
import { uploadsFrom } from "@/lib/support/ticket-attachments";

const context = async () => ({ ip: clientIp(await headers()) });

// Every member of staff works the ticket desk; the wrapper answers 404 to anyone without a staff session.

// An empty file input reaches the action as a zero-byte file (its name is not always ""): for staff a
// zero-byte entry is no attachment, so it is dropped rather than refused as "empty".
export const staffReplyAction = staffAction({ schema: staffReplyForm, revalidate: "/admin/tickets" }, async (input, staff, formData) =>
  staffReplyToTicket(staff, input, uploadsFrom(formData.getAll("attachments")).filter((upload) => upload.size > 0), await context()),
);

export const ticketNoteAction = staffAction({ schema: ticketNoteForm, revalidate: "/admin/tickets" }, async (input, staff) =>
  addTicketNote(staff, { ticketId: input.ticketId, message: input.note }, await context()),
);

export const ticketPropertiesAction = staffAction({ schema: ticketPropertiesForm, revalidate: "/admin/tickets" }, async (input, staff) =>
  updateTicketProperties(staff, input, await context()),
);

export const mergeTicketAction = staffAction({ schema: mergeTicketForm, roles: ["support"], revalidate: "/admin/tickets" }, async (input, staff) =>
  mergeTickets(staff, input, await context()),
);
