"use server";

import { userAction, type ActionResult, type ActionState } from "@/lib/actions";
import { uploadsFrom } from "@/lib/support/ticket-attachments";
import { closeTicketForm, replyTicketForm } from "@/lib/support/ticket-forms";
import { closeTicket, replyToTicket } from "@/lib/support/ticket-replies";

/** "Enviar respuesta": the message and its files; a closed ticket is re-opened by it. */
export async function replyTicketAction(previous: ActionState, formData: FormData): Promise<ActionResult> {
  return userAction({ schema: replyTicketForm, permission: "tickets", revalidate: "/soporte/tickets" }, (input, user) =>
    replyToTicket(user, input.ticketId, input.message, uploadsFrom(formData.getAll("attachments"))),
  )(previous, formData);
}

export const closeTicketAction = userAction({ schema: closeTicketForm, permission: "tickets", revalidate: "/soporte/tickets" }, (input, user) =>
  closeTicket(user.scope, input.ticketId),
);
