import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientNotes, clients, contacts } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { fieldErrorsFrom } from "@/lib/actions";
import { profileColumns } from "@/lib/account/client-columns";
import { PROFILE_FIELDS, profileSchema, type ProfileInput, type ProfileValues } from "@/lib/account/update-profile";
import { recordAudit } from "@/lib/audit/record-audit";
import { createInvoice } from "@/lib/billing/create-invoice";
import { addCreditEntry, getCreditBalance, lockClient } from "@/lib/billing/credit";
import { isRowId } from "@/lib/row-id";
import type { StaffUser } from "@/lib/staff/staff-session";

// Staff writes on a client's account. Each one records who did it in the same transaction; the
// customer's Actividad shows it as "personal de soporte". Money moves carry the balance (or amount
// due) before and after, so the trace says what changed, not only that something did.

const NOT_FOUND = { ok: false, error: "admin.errors.clientNotFound" } as const;

type Actor = Pick<StaffUser, "staffUserId">;
type Context = { ip: string | null };

/** "Editar datos": the same fields and rules as the customer's Mis datos (profileSchema), the owner contact kept in step. */
export async function updateClientDetails(staff: Actor, clientId: number, input: ProfileInput, context: Context): Promise<ActionResult> {
  if (!isRowId(clientId)) return NOT_FOUND;
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
  // The billing contact is the customer's own choice (Mis datos); staff edit the rest.
  const details: Partial<Pick<ProfileValues, "defaultBillingContactId">> & Omit<ProfileValues, "defaultBillingContactId"> = { ...parsed.data };
  delete details.defaultBillingContactId;
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult> => {
    const [current] = await tx.select(profileColumns).from(clients).where(eq(clients.id, clientId)).for("update");
    if (!current) return NOT_FOUND;
    const changedFields = PROFILE_FIELDS.filter((field) => field !== "defaultBillingContactId" && current[field] !== details[field as keyof typeof details]);
    if (changedFields.length === 0) return { ok: true, message: "admin.clients.edit.unchanged" };
    const now = new Date();
    await tx.update(clients).set({ ...details, updatedAt: now }).where(eq(clients.id, clientId));
    await tx
      .update(contacts)
      .set({
        firstName: details.firstName,
        lastName: details.lastName,
        companyName: details.companyName,
        phone: details.phone,
        address1: details.address1,
        city: details.city,
        province: details.province,
        postcode: details.postcode,
        country: details.country,
        updatedAt: now,
      })
      .where(and(eq(contacts.clientId, clientId), eq(contacts.isOwner, true)));
    await recordAudit(tx, { clientId, contactId: null, staffUserId: staff.staffUserId, action: "staff.client_updated", details: { fields: changedFields }, ip: context.ip });
    return { ok: true, message: "admin.clients.edit.saved" };
  });
}

/** Credit added by hand: an "adjustment" ledger entry with the reason as its text, under the client lock. */
export async function addClientCredit(staff: Actor, input: { clientId: number; amount: number; reason: string }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.clientId)) return NOT_FOUND;
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult> => {
    const client = await lockClient(tx, input.clientId);
    if (!client) return NOT_FOUND;
    const before = await getCreditBalance(tx, client.id);
    const entry = await addCreditEntry(tx, {
      clientId: client.id,
      amount: input.amount,
      kind: "adjustment",
      description: { key: "billing.creditLedger.staffAdjustment", params: { reason: input.reason } },
    });
    await recordAudit(tx, {
      clientId: client.id,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.credit_added",
      details: { amount: input.amount, currency: client.currency, reason: input.reason, balanceBefore: before, balanceAfter: before + input.amount, creditEntryId: entry.id },
      ip: context.ip,
    });
    return { ok: true, message: "admin.clients.credit.saved" };
  });
}

/**
 * A manual charge: a proforma invoice with one line (the reason, the amount before tax), issued by
 * the one invoice function, so tax, numbering on payment and the automatic use of credit follow the
 * usual rules. The audit row has the amount due before and after.
 */
export async function addManualCharge(staff: Actor, input: { clientId: number; amount: number; reason: string }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.clientId)) return NOT_FOUND;
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult> => {
    const client = await lockClient(tx, input.clientId);
    if (!client) return NOT_FOUND;
    const creditBefore = await getCreditBalance(tx, client.id);
    const invoice = await createInvoice(tx, { clientId: client.id, kind: "standard", lines: [{ description: input.reason, unitAmount: input.amount }] });
    const creditAfter = await getCreditBalance(tx, client.id);
    await recordAudit(tx, {
      clientId: client.id,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.charge_added",
      details: {
        invoiceId: invoice.invoiceId,
        invoice: invoice.proformaReference,
        amount: input.amount,
        total: invoice.total,
        currency: client.currency,
        reason: input.reason,
        creditBefore,
        creditAfter,
      },
      ip: context.ip,
    });
    return { ok: true, message: "admin.clients.charge.saved" };
  });
}

/** A staff note about the client: staff-only table, its trace without the client id (never on the customer's page). */
export async function addClientNote(staff: Actor, input: { clientId: number; note: string }, context: Context): Promise<ActionResult> {
  if (!isRowId(input.clientId)) return NOT_FOUND;
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult> => {
    const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, input.clientId)).limit(1);
    if (!client) return NOT_FOUND;
    const [note] = await tx.insert(clientNotes).values({ clientId: client.id, staffUserId: staff.staffUserId, body: input.note }).returning({ id: clientNotes.id });
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.client_note_added", details: { clientId: client.id, noteId: note!.id }, ip: context.ip });
    return { ok: true, message: "admin.clients.notes.saved" };
  });
}
