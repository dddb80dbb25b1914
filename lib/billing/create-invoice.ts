import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clients, invoiceLines, invoices, type InvoiceClientSnapshot } from "@/db/schema";
import { getBillingSettings } from "@/lib/settings/get-settings";
import { applyCreditInTx } from "./apply-credit";
import { BillingError } from "./billing-error";
import { lockClient } from "./credit";
import { invoiceLineRows, priceLines } from "./price-lines";
import { issuePaidInvoice } from "./record-payment";
import { taxRuleFor } from "./tax";
import { addDays, madridToday } from "./today";

export type InvoiceKind = "standard" | "add_funds" | "renewal" | "order" | "quote";

export type NewInvoiceLine = {
  description: string;
  /** Whole units, 1 by default. */
  quantity?: number;
  /** Cents, before tax. */
  unitAmount: number;
  /** False for amounts outside the tax base; add-funds lines never are taxable. */
  taxable?: boolean;
  serviceId?: number;
  domainId?: number;
  periodStart?: string;
  periodEnd?: string;
};

export type CreateInvoiceInput = {
  clientId: number;
  kind: InvoiceKind;
  lines: NewInvoiceLine[];
  /** 'YYYY-MM-DD'; today in Madrid by default. */
  issueDate?: string;
  /** 'YYYY-MM-DD'; issueDate + billing.invoiceDueDays by default. */
  dueDate?: string;
  notes?: string;
};

export type CreateInvoiceResult = {
  invoiceId: number;
  proformaReference: string;
  total: number;
  /** Credit applied automatically (billing.autoApplyCredit), in cents. */
  creditApplied: number;
  /** True when credit (or a zero total) left nothing due: the caller also sends the payment-received email. */
  paid: boolean;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The one way to issue an invoice (orders, renewals, quotes, add funds), inside the caller's
 * transaction. Tax comes from the client's tax rule and is rounded once per line; totals are
 * computed here, never taken from a caller. The caller sends the "invoice created" email after commit.
 */
export async function createInvoice(tx: Transaction, input: CreateInvoiceInput): Promise<CreateInvoiceResult> {
  const lines = validLines(input);
  // Client first: the lock order every billing write follows (client, invoice, series counter).
  if (!(await lockClient(tx, input.clientId))) throw new BillingError("billing.errors.clientNotFound", `client ${input.clientId}`);
  const [client] = await tx.select().from(clients).where(eq(clients.id, input.clientId));
  if (!client) throw new BillingError("billing.errors.clientNotFound", `client ${input.clientId}`);

  const settings = await getBillingSettings(tx);
  const taxable = input.kind !== "add_funds" && lines.some((line) => line.taxable !== false);
  const rule = taxable ? await taxRuleFor(tx, client) : null;

  const { priced, subtotal, taxTotal, total } = priceLines(lines, (line) => (rule && line.taxable !== false ? rule.rateBp : 0));
  if (total < 0) throw new BillingError("billing.errors.invalidAmount", `invoice total ${total}`);

  const issueDate = input.issueDate ?? madridToday();
  const dueDate = input.dueDate ?? addDays(issueDate, settings.invoiceDueDays);
  if (!ISO_DATE.test(issueDate) || !ISO_DATE.test(dueDate) || dueDate < issueDate) {
    throw new BillingError("billing.errors.invalidDate", `issue ${issueDate}, due ${dueDate}`);
  }

  const [row] = await tx
    .insert(invoices)
    .values({
      clientId: client.id,
      // Unique placeholder, replaced below by the id-based reference once the id is known.
      proformaReference: `PRO-T-${randomUUID().replaceAll("-", "").slice(0, 26)}`,
      status: "unpaid",
      kind: input.kind,
      issueDate,
      dueDate,
      currency: client.currency,
      subtotal,
      taxTotal,
      total,
      amountPaid: 0,
      clientSnapshot: snapshotOf(client),
      taxMention: rule?.mention ?? null,
      notes: input.notes ?? null,
    })
    .returning();
  const proformaReference = `PRO-${String(row!.id).padStart(6, "0")}`;
  await tx.update(invoices).set({ proformaReference }).where(eq(invoices.id, row!.id));
  await tx.insert(invoiceLines).values(invoiceLineRows(row!.id, priced));
  const created = { invoiceId: row!.id, proformaReference, total };

  // Nothing to pay (a free order): it is settled, and numbered, right away.
  if (total === 0) {
    await issuePaidInvoice(tx, { ...row!, proformaReference });
    return { ...created, creditApplied: 0, paid: true };
  }
  if (settings.autoApplyCredit && input.kind !== "add_funds") {
    const applied = await applyCreditInTx(tx, client.id, row!.id);
    if (applied.ok) return { ...created, creditApplied: applied.applied, paid: applied.paid };
  }
  return { ...created, creditApplied: 0, paid: false };
}

function validLines(input: CreateInvoiceInput): NewInvoiceLine[] {
  if (input.lines.length === 0) throw new BillingError("billing.errors.invoiceWithoutLines", `client ${input.clientId}`);
  for (const line of input.lines) {
    const quantity = line.quantity ?? 1;
    if (!line.description.trim()) throw new BillingError("billing.errors.invoiceWithoutLines", "empty line description");
    if (!Number.isSafeInteger(quantity) || quantity < 1) throw new BillingError("billing.errors.invalidAmount", `quantity ${quantity}`);
    if (!Number.isSafeInteger(line.unitAmount)) throw new BillingError("billing.errors.invalidAmount", `unit amount ${line.unitAmount}`);
  }
  return input.lines;
}

/** What the invoice says about the client today; later profile edits do not rewrite it. */
function snapshotOf(client: typeof clients.$inferSelect): InvoiceClientSnapshot {
  return {
    name: `${client.firstName} ${client.lastName}`.trim(),
    companyName: client.companyName,
    taxId: client.taxId,
    address: [client.address1, client.address2].filter(Boolean).join(", "),
    city: client.city,
    province: client.province,
    postcode: client.postcode,
    country: client.country,
  };
}
