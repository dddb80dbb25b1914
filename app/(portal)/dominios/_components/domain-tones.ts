import type { BadgeTone } from "@/app/_components/status-badge";
import type { DomainStatus } from "@/db/schema";

export const DOMAIN_TONES: Record<DomainStatus, BadgeTone> = {
  pending: "amber",
  pending_transfer: "blue",
  active: "green",
  grace: "red",
  redemption: "red",
  expired: "red",
  transferred_away: "slate",
  cancelled: "slate",
};
