import { z } from "zod";
import { rowIdField } from "@/lib/row-id";

// What the queue actions accept. Ids come from hidden fields: anything but a plain row id is refused
// with a message the form shows, before any database work.

export const cancellationRequestForm = z.object({ requestId: rowIdField("adminQueues.errors.cancellationNotFound") });

export const declineCancellationForm = z.object({
  requestId: rowIdField("adminQueues.errors.cancellationNotFound"),
  reason: z
    .string({ message: "adminQueues.errors.reasonRequired" })
    .trim()
    .min(1, { message: "adminQueues.errors.reasonRequired" })
    .max(2000, { message: "adminQueues.errors.reasonTooLong" }),
});

export const retryProvisioningForm = z.object({ serviceId: rowIdField("adminQueues.errors.serviceNotFound") });
