import { getDb, type Transaction } from "@/db/client";
import type { ActionResult } from "@/lib/actions";
import { recordAudit, type AuditAction } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/contacts/unique-violation";
import type { StaffUser } from "../staff-session";

// What every catalogue write shares: one transaction for the change and its audit entry (staff-only,
// clientId null), and refusals thrown inside it so nothing it wrote is kept.

export type Actor = Pick<StaffUser, "staffUserId" | "name">;
export type Context = { ip: string | null };

export class Refusal extends Error {
  constructor(readonly result: ActionResult) {
    super("refused");
  }
}

export const refuse = (error: string): never => {
  throw new Refusal({ ok: false, error });
};

export const refuseField = (field: string, error: string): never => {
  throw new Refusal({ ok: false, error: "errors.checkFields", fieldErrors: { [field]: error } });
};

/**
 * Runs `work` in a transaction and answers `message` when it commits; a Refusal answers its result
 * and a unique index refusing a row answers `unique` (a slug, a code typed twice at once) next to its field.
 */
export async function catalogWrite(
  work: (tx: Transaction) => Promise<void>,
  message: string,
  unique?: { field: string; error: string },
): Promise<ActionResult> {
  const db = await getDb();
  try {
    await db.transaction(work);
    return { ok: true, message };
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (unique && isUniqueViolation(error)) return { ok: false, error: "errors.checkFields", fieldErrors: { [unique.field]: unique.error } };
    throw error;
  }
}

export function auditCatalog(tx: Transaction, staff: Actor, context: Context, action: AuditAction, details: Record<string, unknown>) {
  return recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action, details, ip: context.ip });
}

/** A row as the audit's "before": its values without the id the entry already names. */
export function withoutId<Row extends { id: number }>(row: Row): Omit<Row, "id"> {
  const copy: Partial<Row> = { ...row };
  delete copy.id;
  return copy as Omit<Row, "id">;
}
