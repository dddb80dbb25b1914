import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clientFiles, clients, contacts, invoiceLines, invoices } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { getCreditBalance } from "@/lib/billing/credit";
import { invoiceNumberOf } from "@/lib/billing/invoice-number";
import { isRowId } from "@/lib/row-id";

// Staff read any client's billing: the StaffScope parameter says only a staff session may call these.

export type StaffInvoiceRow = {
  id: number;
  reference: string;
  proformaReference: string;
  number: string | null;
  status: string;
  kind: string;
  issueDate: string;
  dueDate: string;
  total: number;
  amountPaid: number;
  currency: string;
};

export type ClientBilling = {
  client: { id: number; name: string; companyName: string | null; taxId: string | null; currency: string; email: string | null };
  credit: number;
  invoices: StaffInvoiceRow[];
  files: { id: number; title: string; fileName: string; sizeBytes: number; createdAt: Date }[];
};

const INVOICE_LIMIT = 100;

export async function getClientBilling(scope: StaffScope, clientId: number): Promise<ClientBilling | null> {
  if (!isRowId(clientId)) return null;
  const [found] = await searchById(clientId);
  if (!found) return null;
  const db = await getDb();
  const credit = await getCreditBalance(db, clientId);
  const rows = await db.select().from(invoices).where(eq(invoices.clientId, clientId)).orderBy(desc(invoices.id)).limit(INVOICE_LIMIT);
  const files = await db
    .select({ id: clientFiles.id, title: clientFiles.title, fileName: clientFiles.fileName, sizeBytes: clientFiles.sizeBytes, createdAt: clientFiles.createdAt })
    .from(clientFiles)
    .where(eq(clientFiles.clientId, clientId))
    .orderBy(desc(clientFiles.createdAt), desc(clientFiles.id));
  void scope;
  return {
    client: found,
    credit,
    invoices: rows.map((row) => {
      const number = invoiceNumberOf(row);
      return {
        id: row.id,
        reference: number ?? row.proformaReference,
        proformaReference: row.proformaReference,
        number,
        status: row.status,
        kind: row.kind,
        issueDate: row.issueDate,
        dueDate: row.dueDate,
        total: row.total,
        amountPaid: row.amountPaid,
        currency: row.currency,
      };
    }),
    files,
  };
}

async function searchById(clientId: number) {
  const db = await getDb();
  const rows = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      companyName: clients.companyName,
      taxId: clients.taxId,
      currency: clients.currency,
      email: contacts.email,
    })
    .from(clients)
    .leftJoin(contacts, and(eq(contacts.clientId, clients.id), eq(contacts.isOwner, true)))
    .where(eq(clients.id, clientId))
    .limit(1);
  return rows.map((row) => ({ id: row.id, name: `${row.firstName} ${row.lastName}`.trim(), companyName: row.companyName, taxId: row.taxId, currency: row.currency, email: row.email }));
}

export type StaffInvoice = StaffInvoiceRow & {
  clientId: number;
  clientName: string;
  lines: { id: number; description: string; quantity: number; unitAmount: number; taxRateBp: number; lineSubtotal: number; taxAmount: number }[];
  subtotal: number;
  taxTotal: number;
};

/** One invoice of any client with its lines (two statements). */
export async function getStaffInvoice(_scope: StaffScope, invoiceId: number): Promise<StaffInvoice | null> {
  if (!isRowId(invoiceId)) return null;
  const db = await getDb();
  const [row] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) return null;
  const lines = await db
    .select({
      id: invoiceLines.id,
      description: invoiceLines.description,
      quantity: invoiceLines.quantity,
      unitAmount: invoiceLines.unitAmount,
      taxRateBp: invoiceLines.taxRateBp,
      lineSubtotal: invoiceLines.lineSubtotal,
      taxAmount: invoiceLines.taxAmount,
    })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, row.id))
    .orderBy(asc(invoiceLines.sortOrder), asc(invoiceLines.id));
  const number = invoiceNumberOf(row);
  return {
    id: row.id,
    clientId: row.clientId,
    clientName: row.clientSnapshot.companyName || row.clientSnapshot.name,
    reference: number ?? row.proformaReference,
    proformaReference: row.proformaReference,
    number,
    status: row.status,
    kind: row.kind,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    total: row.total,
    subtotal: row.subtotal,
    taxTotal: row.taxTotal,
    amountPaid: row.amountPaid,
    currency: row.currency,
    lines,
  };
}
