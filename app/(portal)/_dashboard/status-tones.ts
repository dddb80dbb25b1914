import type { BadgeTone } from "@/app/_components/status-badge";
import type { ServiceStatus, TicketStatus } from "@/db/schema";

export const SERVICE_TONES: Record<ServiceStatus, BadgeTone> = {
  pending: "amber",
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
