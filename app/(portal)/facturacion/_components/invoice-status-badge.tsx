import { getTranslations } from "next-intl/server";
import { StatusBadge, type BadgeTone } from "@/app/_components/status-badge";
import type { InvoiceDisplayStatus } from "@/lib/billing/invoice-status";

const TONES: Record<InvoiceDisplayStatus, BadgeTone> = {
  paid: "green",
  unpaid: "amber",
  overdue: "red",
  cancelled: "slate",
  refunded: "slate",
  collections: "red",
  payment_pending: "blue",
};

export async function InvoiceStatusBadge({ status }: { status: InvoiceDisplayStatus }) {
  const t = await getTranslations("billing.status");
  return <StatusBadge label={t(status)} tone={TONES[status]} />;
}
