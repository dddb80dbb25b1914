import type { BadgeTone } from "@/app/_components/status-badge";
import type { ServiceStatus, TicketStatus } from "@/db/schema";
import type { ServiceDisplayStatus } from "@/lib/services/provision";

export const SERVICE_TONES: Record<ServiceStatus, BadgeTone> & Record<ServiceDisplayStatus, BadgeTone> = {
  pending: "amber",
  // Paid and being set up on the panel (or waiting for a retry): the customer is told so, never an error.
  preparing: "blue",
  active: "green",
  suspended: "red",
  terminated: "slate",
  cancelled: "slate",
  fraud: "slate",
};

export const TICKET_TONES: Record<TicketStatus, BadgeTone> = {
  open: "green",
  answered: "blue",
  customer_reply: "amber",
  on_hold: "slate",
  in_progress: "blue",
  closed: "slate",
};
