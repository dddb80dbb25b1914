import { and, asc, eq, notInArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, quoteLines, quotes, type InvoiceClientSnapshot, type QuoteStage } from "@/db/schema";
import { clientIdentityColumns } from "@/lib/account/client-columns";
import type { DocumentLine } from "@/lib/billing/price-lines";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { isRowId } from "@/lib/row-id";
import { companySettingsValue, issuerFrom, type InvoiceIssuer } from "./issuer";
import { HIDDEN_QUOTE_STAGES, isQuoteAcceptable, quoteDisplayStageOf, type QuoteDisplayStage } from "./quote-status";
import { taxBreakdownOf, type TaxBreakdownRow } from "./tax-breakdown";
import type { ClientScope } from "@/lib/auth/scope";

export type { QuoteDisplayStage } from "./quote-status";

export type QuoteViewLine = DocumentLine;

/** What the quote page, its print view and its PDF show. Amounts are cents of `currency`. */
export type QuoteView = {
  id: number;
  clientId: number;
  /** "OF-000123". */
  reference: string;
  subject: string;
  stage: QuoteStage;
  displayStage: QuoteDisplayStage;
  issueDate: string;
  validUntil: string;
  currency: string;
  subtotal: number;
  taxTotal: number;
  total: number;
  notes: string | null;
  acceptedAt: Date | null;
  /** The invoice created when it was accepted. */
  invoiceId: number | null;
  issuer: InvoiceIssuer;
  /** The client as it is today: a quote is not a tax document, so it keeps no snapshot. */
  client: InvoiceClientSnapshot;
  lines: QuoteViewLine[];
  taxBreakdown: TaxBreakdownRow[];
  /** Still open and within its validity (Madrid calendar); acceptQuote checks again under lock. */
  acceptable: boolean;
  expired: boolean;
};

/** One quote of this client in two statements, or null when missing, a draft, or another client's. */
export async function getQuoteView(scope: ClientScope, quoteId: number, executor?: Executor, options: { today?: string } = {}): Promise<QuoteView | null> {
  const { clientId } = scope;
  if (!isRowId(quoteId) || !isRowId(clientId)) return null;
  const db = executor ?? (await getDb());
  const visible = and(eq(quotes.id, quoteId), eq(quotes.clientId, clientId), notInArray(quotes.stage, HIDDEN_QUOTE_STAGES));
  const [quoteRows, lineRows] = await Promise.all([
    db
      .select({
        id: quotes.id,
        clientId: quotes.clientId,
        reference: quotes.reference,
        subject: quotes.subject,
        stage: quotes.stage,
        issueDate: quotes.issueDate,
        validUntil: quotes.validUntil,
        currency: quotes.currency,
        subtotal: quotes.subtotal,
        taxTotal: quotes.taxTotal,
        total: quotes.total,
        notes: quotes.notes,
        acceptedAt: quotes.acceptedAt,
        invoiceId: quotes.invoiceId,
        ...clientIdentityColumns,
        company: companySettingsValue,
      })
      .from(quotes)
      .innerJoin(clients, eq(clients.id, quotes.clientId))
      .where(visible)
      .limit(1),
    db
      .select({
        description: quoteLines.description,
        quantity: quoteLines.quantity,
        unitAmount: quoteLines.unitAmount,
        taxRateBp: quoteLines.taxRateBp,
        taxAmount: quoteLines.taxAmount,
        lineSubtotal: quoteLines.lineSubtotal,
      })
      .from(quoteLines)
      .innerJoin(quotes, eq(quotes.id, quoteLines.quoteId))
      .where(and(eq(quoteLines.quoteId, quoteId), visible))
      .orderBy(asc(quoteLines.sortOrder), asc(quoteLines.id)),
  ]);
  const row = quoteRows[0];
  if (!row) return null;
  const today = options.today ?? madridToday();
  const acceptable = isQuoteAcceptable(row.stage, row.validUntil, today);
  return {
    id: row.id,
    clientId: row.clientId,
    reference: row.reference,
    subject: row.subject,
    stage: row.stage,
    displayStage: quoteDisplayStageOf(row.stage, row.validUntil, today),
    issueDate: row.issueDate,
    validUntil: row.validUntil,
    currency: row.currency,
    subtotal: row.subtotal,
    taxTotal: row.taxTotal,
    total: row.total,
    notes: row.notes,
    acceptedAt: row.acceptedAt,
    invoiceId: row.invoiceId,
    issuer: issuerFrom(row.company),
    client: {
      name: `${row.firstName} ${row.lastName}`.trim(),
      companyName: row.companyName,
      taxId: row.taxId,
      address: [row.address1, row.address2].filter(Boolean).join(", "),
      city: row.city,
      province: row.province,
      postcode: row.postcode,
      country: row.country,
    },
    lines: lineRows,
    taxBreakdown: taxBreakdownOf(lineRows),
    acceptable,
    expired: !acceptable && quoteDisplayStageOf(row.stage, row.validUntil, today) === "expired",
  };
}
