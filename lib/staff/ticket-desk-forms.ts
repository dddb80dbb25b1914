import { z } from "zod";
import { TICKET_STATUSES } from "@/db/schema";
import { rowIdField } from "@/lib/row-id";
import { TICKET_PRIORITIES } from "@/lib/support/ticket-priorities";

const MESSAGE_MAX = 20_000;

const message = (required: string) => z.string().trim().min(1, required).max(MESSAGE_MAX, "errors.invalidValue");

export const staffReplyForm = z.object({
  ticketId: rowIdField(),
  message: message("admin.errors.messageRequired"),
  statusAfter: z.enum(TICKET_STATUSES, { message: "admin.errors.statusInvalid" }).default("answered"),
});

export const ticketNoteForm = z.object({ ticketId: rowIdField(), note: message("admin.errors.noteRequired") });

export const ticketPropertiesForm = z.object({
  ticketId: rowIdField(),
  status: z.enum(TICKET_STATUSES, { message: "admin.errors.statusInvalid" }),
  priority: z.enum(TICKET_PRIORITIES, { message: "admin.errors.priorityInvalid" }),
  departmentId: rowIdField("admin.errors.departmentNotFound"),
  // "" is "Sin asignar".
  assignedStaffUserId: z.union([z.literal("").transform(() => null), rowIdField("admin.errors.staffNotFound")]).default(null),
});

export const mergeTicketForm = z.object({
  ticketId: rowIdField(),
  targetReference: z.string().trim().regex(/^\d{6,16}$/, "admin.errors.referenceInvalid"),
});

export const cannedReplyForm = z.object({
  title: z.string().trim().min(1, "admin.errors.titleRequired").max(200, "errors.invalidValue"),
  body: message("admin.errors.bodyRequired"),
});

export const deleteCannedReplyForm = z.object({ id: rowIdField() });
