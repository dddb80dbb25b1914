import { z } from "zod";
import { parseRowId } from "@/lib/row-id";
import { ATTEMPT_METADATA_KEY } from "../stripe-gateway";

const idOf = z.union([z.string(), z.object({ id: z.string() }).transform((value) => value.id)]);

// The fields of a Checkout Session our handlers read; the attempt id is the one we put in metadata.
const checkoutSessionSchema = z.object({
  id: z.string(),
  amount_total: z.number().int().nonnegative(),
  currency: z.string().length(3).transform((value) => value.toUpperCase()),
  payment_status: z.string(),
  payment_intent: idOf.nullable().optional(),
  metadata: z.object({ [ATTEMPT_METADATA_KEY]: z.string() }),
});

export type ParsedCheckoutSession = {
  sessionId: string;
  attemptId: number;
  amount: number;
  /** Upper-case, as our tables store it ("EUR"); Stripe sends "eur". */
  currency: string;
  paymentStatus: string;
  paymentIntentId: string | null;
};

/** null when the session is not one of ours (no attempt id), e.g. a payment link made in Stripe's dashboard. */
export function parseCheckoutSession(object: unknown): ParsedCheckoutSession | null {
  const parsed = checkoutSessionSchema.safeParse(object);
  if (!parsed.success) return null;
  const session = parsed.data;
  const attemptId = parseRowId(session.metadata[ATTEMPT_METADATA_KEY]);
  if (attemptId === null) return null;
  return {
    sessionId: session.id,
    attemptId,
    amount: session.amount_total,
    currency: session.currency,
    paymentStatus: session.payment_status,
    paymentIntentId: session.payment_intent ?? null,
  };
}
