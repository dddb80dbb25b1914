import { getTranslations } from "next-intl/server";
import { StatusBadge, type BadgeTone } from "@/app/_components/status-badge";
import type { TicketStatus } from "@/db/schema";

// Amber marks the tickets waiting on the support team, so the customer sees at a glance who has the ball.
const TONES: Record<TicketStatus, BadgeTone> = {
  open: "green",
  answered: "blue",
  customer_reply: "amber",
  on_hold: "amber",
  in_progress: "blue",
  closed: "slate",
};

export async function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const t = await getTranslations("support.ticketStatus");
  return <StatusBadge label={t(status)} tone={TONES[status] ?? "slate"} />;
}
