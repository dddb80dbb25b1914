/**
 * Today's calendar date where the company invoices (Madrid), as 'YYYY-MM-DD'. The server may run in
 * UTC, and an invoice due "today" must not turn overdue at 23:00 or 01:00 Spanish time.
 */
export function madridToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
