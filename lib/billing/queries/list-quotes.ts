import { and, asc, desc, eq, notInArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { quotes, type QuoteStage } from "@/db/schema";
import { madridToday } from "@/lib/dashboard/madrid-today";
import { HIDDEN_QUOTE_STAGES, isQuoteAcceptable, quoteDisplayStageOf, type QuoteDisplayStage } from "./quote-status";

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

export type QuotePage = { rows: QuoteListRow[]; nextCursor: string | null; previousCursor: string | null };

type QuoteCursor = { direction: "after" | "before"; issueDate: string; id: number };

/** The client's quotes (never drafts), newest first, keyset-paginated over (issue date, id). */
export async function listQuotes(
  clientId: number,
  options: { cursor?: string | null; limit: number; today?: string; db?: Executor },
): Promise<QuotePage> {
  const db = options.db ?? (await getDb());
  const today = options.today ?? madridToday();
  const limit = Number.isInteger(options.limit) && options.limit > 0 ? Math.min(options.limit, 100) : 20;
  const cursor = decodeQuoteCursor(options.cursor);
  const backwards = cursor?.direction === "before";
  let keyset: SQL | undefined;
  if (cursor) {
    const key = sql`(${cursor.issueDate}::date, ${cursor.id}::integer)`;
    keyset = backwards
      ? sql`${quotes.issueDate} >= ${cursor.issueDate}::date and (${quotes.issueDate}, ${quotes.id}) > ${key}`
      : sql`${quotes.issueDate} <= ${cursor.issueDate}::date and (${quotes.issueDate}, ${quotes.id}) < ${key}`;
  }
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
    })
    .from(quotes)
    .where(and(eq(quotes.clientId, clientId), notInArray(quotes.stage, HIDDEN_QUOTE_STAGES), keyset))
    .orderBy(...(backwards ? [asc(quotes.issueDate), asc(quotes.id)] : [desc(quotes.issueDate), desc(quotes.id)]))
    .limit(limit + 1);

  const hasMore = fetched.length > limit;
  const slice = fetched.slice(0, limit);
  const ordered = backwards ? slice.reverse() : slice;
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  const hasNext = backwards ? true : hasMore;
  const hasPrevious = backwards ? hasMore : cursor !== null;
  return {
    rows: ordered.map((row) => ({
      ...row,
      displayStage: quoteDisplayStageOf(row.stage, row.validUntil, today),
      acceptable: isQuoteAcceptable(row.stage, row.validUntil, today),
    })),
    nextCursor: hasNext && last ? encodeQuoteCursor({ direction: "after", issueDate: last.issueDate, id: last.id }) : null,
    previousCursor: hasPrevious && first ? encodeQuoteCursor({ direction: "before", issueDate: first.issueDate, id: first.id }) : null,
  };
}

function encodeQuoteCursor(cursor: QuoteCursor): string {
  return Buffer.from(`${cursor.direction === "after" ? "a" : "b"}|${cursor.issueDate}|${cursor.id}`, "utf8").toString("base64url");
}

function decodeQuoteCursor(value: string | null | undefined): QuoteCursor | null {
  if (!value || value.length > 80) return null;
  const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (parts.length !== 3) return null;
  const [direction, issueDate, rawId] = parts as [string, string, string];
  if ((direction !== "a" && direction !== "b") || !/^\d{4}-\d{2}-\d{2}$/.test(issueDate) || !/^[1-9]\d{0,9}$/.test(rawId)) return null;
  const id = Number(rawId);
  if (id > 2_147_483_647 || Number.isNaN(Date.parse(`${issueDate}T00:00:00Z`))) return null;
  return { direction: direction === "a" ? "after" : "before", issueDate, id };
}
