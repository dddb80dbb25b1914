import { and, asc, eq, gt, inArray, lte, notExists, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoiceNotices, invoices } from "@/db/schema";
import { getBillingSettings } from "@/lib/settings/get-settings";
import { daysBetween, sendInvoiceReminderEmail, sendOverdueNoticeEmail } from "./billing-emails";
import { addDays } from "./today";

/**
 * Defaults for the billing settings this job reads; the seeded "billing" settings do not carry
 * these keys yet, so staff can add them (invoiceReminderDaysBefore, overdueNoticeDays) later.
 */
export const DEFAULT_REMINDER_DAYS_BEFORE = 3;
export const DEFAULT_OVERDUE_NOTICE_DAYS: readonly [number, number, number] = [1, 7, 14];

export type NoticeKind = "reminder" | "overdue1" | "overdue2" | "overdue3";

export type NoticeRunResult = { today: string; reminder: number; overdue1: number; overdue2: number; overdue3: number };

/**
 * Payment reminders before the due date and 1st/2nd/3rd overdue notices after it, for unpaid
 * invoices. Each notice is recorded in invoice_notices before it is sent (ON CONFLICT DO NOTHING
 * RETURNING: whoever inserts the row sends), so reruns and concurrent runs send each one once.
 * An invoice found past several thresholds at once (the job did not run for a while) gets only
 * the latest notice it has reached, never a burst of all of them.
 */
export async function sendInvoiceNotices(today: string): Promise<NoticeRunResult> {
  const db = await getDb();
  const { reminderDaysBefore, overdueDays } = noticeSettings(await getBillingSettings(db));

  const candidates = await db
    .select({ id: invoices.id, issueDate: invoices.issueDate, dueDate: invoices.dueDate })
    .from(invoices)
    .where(
      and(
        eq(invoices.status, "unpaid"),
        gt(invoices.total, invoices.amountPaid),
        lte(invoices.dueDate, addDays(today, reminderDaysBefore)),
        // The last notice ends the sequence: long-settled overdue invoices drop out of the scan.
        notExists(
          db
            .select({ one: sql`1` })
            .from(invoiceNotices)
            .where(and(eq(invoiceNotices.invoiceId, invoices.id), eq(invoiceNotices.kind, "overdue3"))),
        ),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id));

  const wanted = candidates.flatMap((invoice) => {
    const kind = noticeFor(invoice, today, reminderDaysBefore, overdueDays);
    return kind ? [{ invoiceId: invoice.id, kind }] : [];
  });
  const already = new Set(
    wanted.length === 0
      ? []
      : (
          await db
            .select({ invoiceId: invoiceNotices.invoiceId, kind: invoiceNotices.kind })
            .from(invoiceNotices)
            .where(inArray(invoiceNotices.invoiceId, wanted.map((notice) => notice.invoiceId)))
        ).map((row) => `${row.invoiceId}:${row.kind}`),
  );

  const result: NoticeRunResult = { today, reminder: 0, overdue1: 0, overdue2: 0, overdue3: 0 };
  for (const notice of wanted) {
    if (already.has(`${notice.invoiceId}:${notice.kind}`)) continue;
    try {
      const [recorded] = await db
        .insert(invoiceNotices)
        .values({ invoiceId: notice.invoiceId, kind: notice.kind })
        .onConflictDoNothing()
        .returning({ invoiceId: invoiceNotices.invoiceId });
      if (!recorded) continue;
      // Recorded first: a failed delivery is logged and not retried, rather than ever sent twice.
      if (notice.kind === "reminder") await sendInvoiceReminderEmail(notice.invoiceId, { today });
      else await sendOverdueNoticeEmail(notice.invoiceId, overdueLevelOf(notice.kind), { today });
      result[notice.kind] += 1;
    } catch (error) {
      console.error(`[notices] ${notice.kind} for invoice ${notice.invoiceId} failed:`, error);
    }
  }
  return result;
}

/** The notice an invoice is due for today, if any (before checking whether it already went out). */
export function noticeFor(
  invoice: { issueDate: string; dueDate: string },
  today: string,
  reminderDaysBefore: number,
  overdueDays: readonly [number, number, number],
): NoticeKind | null {
  const daysOverdue = daysBetween(invoice.dueDate, today);
  if (daysOverdue >= overdueDays[2]) return "overdue3";
  if (daysOverdue >= overdueDays[1]) return "overdue2";
  if (daysOverdue >= overdueDays[0] && daysOverdue >= 1) return "overdue1";
  // Not on the day it was issued: the "new invoice" email has just told them.
  if (daysOverdue <= 0 && -daysOverdue <= reminderDaysBefore && invoice.issueDate < today) return "reminder";
  return null;
}

function overdueLevelOf(kind: Exclude<NoticeKind, "reminder">): 1 | 2 | 3 {
  return kind === "overdue1" ? 1 : kind === "overdue2" ? 2 : 3;
}

/** Reads the optional keys from the billing settings (free-form JSON), falling back to the defaults. */
export function noticeSettings(settings: unknown): { reminderDaysBefore: number; overdueDays: readonly [number, number, number] } {
  const source = (typeof settings === "object" && settings !== null ? settings : {}) as Record<string, unknown>;
  const reminder = source.invoiceReminderDaysBefore;
  const overdue = source.overdueNoticeDays;
  const isDay = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 365;
  const overdueDays =
    Array.isArray(overdue) && overdue.length === 3 && overdue.every(isDay) && overdue[0] >= 1 && overdue[0] < overdue[1] && overdue[1] < overdue[2]
      ? (overdue as [number, number, number])
      : DEFAULT_OVERDUE_NOTICE_DAYS;
  return { reminderDaysBefore: isDay(reminder) ? reminder : DEFAULT_REMINDER_DAYS_BEFORE, overdueDays };
}
