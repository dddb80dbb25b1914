import type { QuoteStage } from "@/db/schema";

/** Drafts are the company's work in progress: the customer never sees them. */
export const HIDDEN_QUOTE_STAGES: QuoteStage[] = ["draft"];

/** Stages from which the customer may still accept (the use case checks again inside its transaction). */
export const ACCEPTABLE_QUOTE_STAGES: QuoteStage[] = ["delivered", "on_hold"];

/** A quote still open for acceptance past its validity date shows as "expired". */
export type QuoteDisplayStage = Exclude<QuoteStage, "draft"> | "expired";

export function quoteDisplayStageOf(stage: QuoteStage, validUntil: string, today: string): QuoteDisplayStage {
  if (ACCEPTABLE_QUOTE_STAGES.includes(stage) && validUntil < today) return "expired";
  return stage === "draft" ? "delivered" : stage;
}

export function isQuoteAcceptable(stage: QuoteStage, validUntil: string, today: string): boolean {
  return ACCEPTABLE_QUOTE_STAGES.includes(stage) && validUntil >= today;
}
