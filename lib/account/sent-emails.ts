import { and, eq, notInArray, or, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { sentEmails } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import type { TemplateName } from "@/lib/email/templates";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";

export const SENT_EMAILS_PAGE_SIZE = 20;

/**
 * Templates whose message carries a single-use link (set a password, confirm an address). Anyone else
 * on the account who could read one could follow the link while it is still valid, so these are shown
 * only to the contact they were sent to. A new template with such a link belongs here.
 */
export const PERSONAL_EMAIL_TEMPLATES: readonly TemplateName[] = ["password-reset", "contact-invitation", "email-change-verify"];

/** Who is reading: the tenant and the signed-in contact, both from the session. */
export type EmailReader = { scope: ClientScope; contactId: number };

export type SentEmailListRow = { id: number; createdAt: Date; subject: string; toAddress: string };
export type SentEmailPage = Page<SentEmailListRow>;

const NEWEST_FIRST: KeysetOrder = { key: sentEmails.createdAt, id: sentEmails.id, type: "timestamp", order: "desc" };
export type SentEmailSummary = SentEmailListRow;

/** The emails this reader may see: the client's own, less other people's personal links. */
export function readableBy(reader: EmailReader): SQL {
  return and(
    eq(sentEmails.clientId, reader.scope.clientId),
    or(notInArray(sentEmails.template, [...PERSONAL_EMAIL_TEMPLATES]), eq(sentEmails.contactId, reader.contactId)),
  )!;
}

/** One page of "Correos electrónicos enviados", newest first, in one statement. */
export async function listSentEmails(
  reader: EmailReader,
  options: { cursor?: string | null; limit?: number; db?: Executor } = {},
): Promise<SentEmailPage> {
  const db = options.db ?? (await getDb());
  const limit = pageSize(options.limit, SENT_EMAILS_PAGE_SIZE);
  const keyset = keysetPage(NEWEST_FIRST, options.cursor, limit);
  const fetched = await db
    .select({
      id: sentEmails.id,
      createdAt: sentEmails.createdAt,
      cursorKey: cursorKey(NEWEST_FIRST),
      subject: sentEmails.subject,
      toAddress: sentEmails.toAddress,
    })
    .from(sentEmails)
    .where(and(readableBy(reader), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, ({ id, createdAt, subject, toAddress }) => ({ id, createdAt, subject, toAddress }));
}

/** The heading of one message, or null when it is missing or not the reader's to see. */
export async function getSentEmail(reader: EmailReader, emailId: number, db?: Executor): Promise<SentEmailSummary | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({ id: sentEmails.id, createdAt: sentEmails.createdAt, subject: sentEmails.subject, toAddress: sentEmails.toAddress })
    .from(sentEmails)
    .where(and(eq(sentEmails.id, emailId), readableBy(reader)))
    .limit(1);
  return row ?? null;
}

/** The HTML exactly as it was sent, for the sandboxed viewer only; null when not the reader's. */
export async function getSentEmailHtml(reader: EmailReader, emailId: number, db?: Executor): Promise<string | null> {
  const executor = db ?? (await getDb());
  const [row] = await executor
    .select({ html: sentEmails.html })
    .from(sentEmails)
    .where(and(eq(sentEmails.id, emailId), readableBy(reader)))
    .limit(1);
  return row?.html ?? null;
}
