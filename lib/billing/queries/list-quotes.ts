import { and, eq, notInArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { quotes, type QuoteStage } from "@/db/schema";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";
import { HIDDEN_QUOTE_STAGES, isQuoteAcceptable, quoteDisplayStageOf, type QuoteDisplayStage } from "./quote-status";
import type { ClientScope } from "@/lib/auth/scope";

export type QuoteListRow = {
  id: number;
  reference: string;
  subject: string;
  stage: QuoteStage;
  displayStage: QuoteDisplayStage;
  issueDate: string;
  validUntil: string;
  total: number;
  currency: string;
  acceptable: boolean;
};

export type QuotePage = Page<QuoteListRow>;

const NEWEST_FIRST: KeysetOrder = { key: quotes.issueDate, id: quotes.id, type: "date", order: "desc" };

/** The client's quotes (never drafts), newest first, keyset-paginated over (issue date, id). */
export async function listQuotes(
  scope: ClientScope,
  options: { cursor?: string | null; limit: number; today?: string; db?: Executor },
): Promise<QuotePage> {
  const { clientId } = scope;
  const db = options.db ?? (await getDb());
  const today = options.today ?? madridToday();
  const keyset = keysetPage(NEWEST_FIRST, options.cursor, pageSize(options.limit));
  const fetched = await db
    .select({
      id: quotes.id,
      reference: quotes.reference,
      subject: quotes.subject,
      stage: quotes.stage,
      issueDate: quotes.issueDate,
      validUntil: quotes.validUntil,
      total: quotes.total,
      currency: quotes.currency,
      cursorKey: cursorKey(NEWEST_FIRST),
    })
    .from(quotes)
    .where(and(eq(quotes.clientId, clientId), notInArray(quotes.stage, HIDDEN_QUOTE_STAGES), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, (row) => ({
    ...row,
    displayStage: quoteDisplayStageOf(row.stage, row.validUntil, today),
    acceptable: isQuoteAcceptable(row.stage, row.validUntil, today),
  }));
}

