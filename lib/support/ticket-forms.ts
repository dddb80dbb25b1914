import { z } from "zod";
import { rowIdField } from "@/lib/row-id";
import { TICKET_PRIORITIES } from "./ticket-priorities";

export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 20_000;

const text = z
  .string({ error: "errors.invalidValue" })
  .nullish()
  .transform((value) => (value ?? "").trim());

const message = text.pipe(z.string().min(1, "errors.required").max(MESSAGE_MAX, "support.errors.messageTooLong"));

/** "Abrir ticket" as the browser posts it; the files are read from the same form data by the action. */
export const openTicketForm = z.object({
  departmentId: rowIdField("support.errors.department"),
  subject: text.pipe(z.string().min(1, "errors.required").max(SUBJECT_MAX, "support.errors.subjectTooLong")),
  related: text,
  priority: z.enum(TICKET_PRIORITIES, { error: "errors.invalidValue" }),
  message,
});

export const replyTicketForm = z.object({ ticketId: rowIdField("support.errors.ticketNotFound"), message });

export const closeTicketForm = z.object({ ticketId: rowIdField("support.errors.ticketNotFound") });
