import type { BadgeTone } from "@/app/_components/status-badge";
import type { NetworkIssueStatus } from "@/lib/support/server-status";

export const ISSUE_TONES: Record<NetworkIssueStatus, BadgeTone> = {
  reported: "amber",
  investigating: "amber",
  in_progress: "amber",
  outage: "red",
  scheduled: "blue",
  resolved: "green",
};
