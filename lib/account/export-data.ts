import { getDb, type Database, type Executor } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { exportBilling } from "@/lib/billing/export-section";
import { madridToday } from "@/lib/dashboard/madrid-today";
import type { Locale } from "@/lib/i18n/locales";
import { exportDomains } from "@/lib/domains/export-section";
import type { ExportRequester } from "@/lib/export/export-section";
import { exportFiles } from "@/lib/files/export-section";
import { exportServices } from "@/lib/services/export-section";
import { exportTickets } from "@/lib/support/export-section";
import { exportProfile, exportRecords } from "./export-section";

export const EXPORT_FORMAT = "area-de-cliente/account-export";
export const EXPORT_VERSION = 1;

export type { ExportRequester } from "@/lib/export/export-section";

/**
 * Everything the account holds, as each business area exports it (lib/<area>/export-section.ts): a new
 * area adds its section here. Every section names the client in each statement and reads a fixed
 * number of statements, so the cost never grows with the number of invoices or tickets. Pass a
 * transaction for a consistent snapshot.
 */
export async function collectAccountData(executor: Executor, requester: ExportRequester) {
  const [profile, services, domains, billing, tickets, files, records] = await Promise.all([
    exportProfile(executor, requester),
    exportServices(executor, requester),
    exportDomains(executor, requester),
    exportBilling(executor, requester),
    exportTickets(executor, requester),
    exportFiles(executor, requester),
    exportRecords(executor, requester),
  ]);
  return { ...profile, ...services, ...domains, ...billing, ...tickets, ...files, ...records };
}

export type AccountData = Awaited<ReturnType<typeof collectAccountData>>;

export type AccountExport = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** Amounts are integer minor units (cents) next to their currency code. */
  amounts: "minor-units";
} & AccountData;

export function exportFileName(today: string): string {
  return `datos-cuenta-${today}.json`;
}

/**
 * "Descargar mis datos": the account as JSON, read in one repeatable-read transaction (every table
 * as of the same instant) that also writes the "data.exported" row, so no copy leaves untraced.
 * Only the owner may ask: the route checks that before calling.
 */
export async function exportAccountData(
  requester: ExportRequester,
  options: { ip?: string | null; now?: Date; db?: Database; locale?: Locale } = {},
): Promise<{ fileName: string; json: string }> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const data = await db.transaction(
    async (tx) => {
      const collected = await collectAccountData(tx, { ...requester, locale: options.locale });
      await recordAudit(tx, { clientId: requester.scope.clientId, contactId: requester.contactId, action: "data.exported", ip: options.ip ?? null });
      return collected;
    },
    { isolationLevel: "repeatable read" },
  );
  const document: AccountExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    amounts: "minor-units",
    ...data,
  };
  return { fileName: exportFileName(madridToday(now)), json: `${JSON.stringify(document, null, 2)}\n` };
}
