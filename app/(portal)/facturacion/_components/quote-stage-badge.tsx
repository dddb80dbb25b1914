import { getTranslations } from "next-intl/server";
import { StatusBadge, type BadgeTone } from "@/app/_components/status-badge";
import type { QuoteDisplayStage } from "@/lib/billing/queries/quote-status";

const TONES: Record<QuoteDisplayStage, BadgeTone> = {
  delivered: "blue",
  on_hold: "amber",
  accepted: "green",
  lost: "slate",
  dead: "slate",
  expired: "slate",
};

export async function QuoteStageBadge({ stage }: { stage: QuoteDisplayStage }) {
  const t = await getTranslations("billing.quoteStage");
  return <StatusBadge label={t(stage)} tone={TONES[stage]} />;
}
