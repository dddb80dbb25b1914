import type { CreditEntryDescriptionParams } from "@/db/schema";
import type { translatorFor } from "@/lib/i18n/translator";

/**
 * What code writes as a ledger entry's description: a catalog key and its parameters, never a
 * sentence. Ledger entries are not legal documents, so they are rendered when read, in the reader's
 * language; rewording a catalog text changes how old entries read and nothing else.
 */
export type CreditEntryDescription =
  | { key: "billing.creditLedger.addFunds"; params: { invoiceNumber: string } }
  | { key: "billing.creditLedger.overpayment"; params: { attemptId: number } }
  | { key: "billing.creditLedger.application"; params: { reference: string } }
  | { key: "billing.creditLedger.refundReversal"; params: { attemptId: number } }
  | { key: "billing.creditLedger.staffRefund"; params: { reference: string } }
  /** Credit added by staff by hand (lib/staff/clients): the reason as they wrote it. */
  | { key: "billing.creditLedger.staffAdjustment"; params: { reason: string } };

type Translator = ReturnType<typeof translatorFor>;

type StoredDescription = {
  descriptionKey: string | null;
  descriptionParams: CreditEntryDescriptionParams | null;
  /** Staff-written text, shown as written. */
  description: string | null;
};

/**
 * The entry's description for the reader. Parameters are identifiers (payment 1234, invoice
 * F2026-000012): they are passed as text so no locale adds digit grouping to them. A key missing
 * from the catalog falls back to the staff text, then to the key itself, never to nothing.
 */
export function renderCreditEntryDescription(t: Translator, entry: StoredDescription): string {
  const key = entry.descriptionKey;
  if (key && /^[A-Za-z0-9_.]+$/.test(key) && t.has(key as never) && typeof t.raw(key as never) === "string") {
    const params = Object.fromEntries(Object.entries(entry.descriptionParams ?? {}).map(([name, value]) => [name, String(value)]));
    return t(key as never, params as never);
  }
  return entry.description ?? key ?? "";
}
