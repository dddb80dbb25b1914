"use server";

import { redirect } from "next/navigation";
import { userAction, type ActionResult, type ActionState } from "@/lib/actions";
import { openTicket } from "@/lib/support/open-ticket";
import { uploadsFrom } from "@/lib/support/ticket-attachments";
import { openTicketForm } from "@/lib/support/ticket-forms";

/** "Enviar ticket": the wrapper checks the session, "tickets" and the fields; the files come from the same form. */
export async function openTicketAction(previous: ActionState, formData: FormData): Promise<ActionResult> {
  let ticketId: number | null = null;
  const result = await userAction({ schema: openTicketForm, permission: "tickets", revalidate: "/soporte/tickets" }, async (input, user) => {
    const opened = await openTicket(user, input, uploadsFrom(formData.getAll("attachments")));
    if (!opened.ok) return opened;
    ticketId = opened.data?.ticketId ?? null;
    return { ok: true };
  })(previous, formData);
  if (result.ok && ticketId !== null) redirect(`/soporte/tickets/${ticketId}?aviso=creado`);
  return result;
}
