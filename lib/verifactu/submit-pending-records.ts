import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { verifactuRecords } from "@/db/schema";
import { getProvider } from "@/lib/providers";

export const SUBMISSION_BATCH = 1000;

export type SubmissionRun = { sent: number; rejected: number; failed: boolean };

/**
 * The cron's part: sends the records still pending, oldest first, outside any transaction, then
 * marks what the service took as sent and keeps the reason of what it refused. Marking only rows
 * still pending makes a second run, or two runs at once, harmless.
 */
export async function submitPendingRecords(): Promise<SubmissionRun> {
  const db = await getDb();
  const pending = await db
    .select({
      id: verifactuRecords.id,
      issuerTaxId: verifactuRecords.issuerTaxId,
      issuerName: verifactuRecords.issuerName,
      invoiceNumber: verifactuRecords.invoiceNumber,
      issueDate: verifactuRecords.issueDate,
      invoiceType: verifactuRecords.invoiceType,
      taxBreakdown: verifactuRecords.taxBreakdown,
      taxTotal: verifactuRecords.taxTotal,
      total: verifactuRecords.total,
      previousHash: verifactuRecords.previousHash,
      hash: verifactuRecords.hash,
      generatedAt: verifactuRecords.generatedAt,
    })
    .from(verifactuRecords)
    .where(eq(verifactuRecords.submissionStatus, "pending"))
    .orderBy(asc(verifactuRecords.id))
    .limit(SUBMISSION_BATCH);
  if (pending.length === 0) return { sent: 0, rejected: 0, failed: false };

  let outcome;
  try {
    outcome = await getProvider("verifactu").submit(pending);
  } catch (error) {
    // Nothing is marked: the same records go in the next run.
    console.error("[verifactu] submission failed, will retry on the next run:", error);
    return { sent: 0, rejected: 0, failed: true };
  }
  if (outcome.accepted.length > 0) {
    await db
      .update(verifactuRecords)
      .set({ submissionStatus: "sent", submittedAt: new Date(), submissionError: null })
      .where(and(inArray(verifactuRecords.id, outcome.accepted), eq(verifactuRecords.submissionStatus, "pending")));
  }
  for (const { id, reason } of outcome.rejected) {
    await db
      .update(verifactuRecords)
      .set({ submissionStatus: "error", submissionError: reason.slice(0, 500) })
      .where(and(eq(verifactuRecords.id, id), eq(verifactuRecords.submissionStatus, "pending")));
  }
  return { sent: outcome.accepted.length, rejected: outcome.rejected.length, failed: false };
}
