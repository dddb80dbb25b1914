import type { BadgeTone } from "@/app/_components/status-badge";

export function invoiceTone(status: string): BadgeTone {
  if (status === "paid") return "green";
  if (status === "unpaid" || status === "collections") return "amber";
  if (status === "payment_pending") return "blue";
  return "slate";
}
