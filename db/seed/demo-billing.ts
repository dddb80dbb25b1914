import { asc, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { affiliates, creditLedgerEntries, invoiceLines, invoiceSeriesCounters, invoices, payments, quoteLines, quotes, renewalClaims } from "@/db/schema";
import { invoiceLineRows, priceLines } from "@/lib/billing/price-lines";
import { daysFromToday, momentFromToday, spanishDate } from "./dates";
import { snapshotOf, type ClientRef, type DemoAccounts } from "./demo-accounts";
import type { DemoHosting } from "./demo-hosting";
import { recordIssuedInvoice } from "@/lib/verifactu/record-issued-invoice";
import { addonPrice, COMPANY_SETTINGS, productPrice, SPANISH_VAT_BP, tldRegisterPrice, tldRenewPrice } from "./reference-data";

export type CreatedInvoice = { id: number; clientId: number; proformaReference: string; total: number; dueDate: string; paidAt: Date | null };

export type DemoBilling = {
  demo: { paid: [CreatedInvoice, CreatedInvoice]; overdue: CreatedInvoice; unpaid: CreatedInvoice };
  other: { paid: CreatedInvoice; unpaid: CreatedInvoice };
  /** Invoice id -> issued number ("F2026-000002"). */
  numbers: Map<number, string>;
  quoteId: number;
};

const period = (from: number, to: number) => `(${spanishDate(daysFromToday(from))} - ${spanishDate(daysFromToday(to))})`;

/**
 * Invoices that tell the story of the hosting data: the annual renewal and a monthly one paid, the
 * next monthly one overdue (hence the suspension), the order of the pending service unpaid; plus a
 * quote, a credit deposit and an affiliate account.
 */
export async function seedDemoBilling(tx: Transaction, { demo, other }: DemoAccounts, { services, domains }: DemoHosting): Promise<DemoBilling> {
  const paidAnnual = await insertInvoice(tx, demo, {
    kind: "renewal",
    issuedDaysAgo: 62,
    dueDaysAgo: 55,
    paid: { daysAgo: 58, reference: "pi_3QdemoA0000000001" },
    lines: [
      {
        description: `Plan Profesional - ejemplo-tienda.es ${period(-55, 309)}`,
        unitAmount: productPrice("professional", "annually"),
        serviceId: services.active,
        periodStart: daysFromToday(-55),
        periodEnd: daysFromToday(309),
      },
      {
        description: `Complemento: Copias de seguridad diarias - ejemplo-tienda.es ${period(-55, 309)}`,
        unitAmount: addonPrice("backups"),
        serviceId: services.active,
        periodStart: daysFromToday(-55),
        periodEnd: daysFromToday(309),
      },
    ],
  });
  const paidMonthly = await insertInvoice(tx, demo, {
    kind: "renewal",
    issuedDaysAgo: 49,
    dueDaysAgo: 42,
    paid: { daysAgo: 44, reference: "pi_3QdemoB0000000002" },
    lines: [
      {
        description: `Plan Básico de Alojamiento Web - mi-blog-personal.es ${period(-42, -13)}`,
        unitAmount: productPrice("basic", "monthly"),
        serviceId: services.suspended,
        periodStart: daysFromToday(-42),
        periodEnd: daysFromToday(-13),
      },
    ],
  });
  const overdue = await insertInvoice(tx, demo, {
    kind: "renewal",
    issuedDaysAgo: 19,
    dueDaysAgo: 12,
    lines: [
      {
        description: `Plan Básico de Alojamiento Web - mi-blog-personal.es ${period(-12, 17)}`,
        unitAmount: productPrice("basic", "monthly"),
        serviceId: services.suspended,
        periodStart: daysFromToday(-12),
        periodEnd: daysFromToday(17),
      },
    ],
  });
  const unpaid = await insertInvoice(tx, demo, {
    kind: "order",
    issuedDaysAgo: 2,
    dueDaysAgo: -5,
    lines: [
      {
        description: "Plan Empresa - nuevo-proyecto.com (alta, pago anual)",
        unitAmount: productPrice("business", "annually"),
        serviceId: services.pending,
        periodStart: daysFromToday(5),
        periodEnd: daysFromToday(5 + 364),
      },
      { description: "Migración gratuita de la web actual (hasta 5 GB)", unitAmount: 0, serviceId: services.pending },
    ],
  });

  const otherPaid = await insertInvoice(tx, other, {
    kind: "order",
    issuedDaysAgo: 190,
    dueDaysAgo: 183,
    paid: { daysAgo: 189, reference: "pi_3QotroA0000000003" },
    lines: [
      {
        description: `Plan Básico de Alojamiento Web - martin-fotografia.es ${period(-190, 174)}`,
        unitAmount: productPrice("basic", "annually"),
        serviceId: services.other,
        periodStart: daysFromToday(-190),
        periodEnd: daysFromToday(174),
      },
      {
        description: `Registro de dominio martin-fotografia.es - 1 año ${period(-190, 174)}`,
        unitAmount: tldRegisterPrice("es"),
        domainId: domains.otherEs,
        periodStart: daysFromToday(-190),
        periodEnd: daysFromToday(174),
      },
    ],
  });
  const otherUnpaid = await insertInvoice(tx, other, {
    kind: "renewal",
    issuedDaysAgo: 4,
    dueDaysAgo: -10,
    lines: [
      {
        description: `Renovación de dominio martin-fotografia.com - 1 año ${period(10, 374)}`,
        unitAmount: tldRenewPrice("com"),
        domainId: domains.otherCom,
        periodStart: daysFromToday(10),
        periodEnd: daysFromToday(374),
      },
    ],
  });
  const numbers = await numberPaidInvoices(tx, [paidAnnual, paidMonthly, otherPaid]);

  const quoteId = await insertQuote(tx, demo.id);

  await tx.insert(creditLedgerEntries).values({
    clientId: demo.id,
    amount: 2500,
    currency: "EUR",
    kind: "deposit",
    description: "Depósito de fondos por transferencia bancaria",
    createdAt: momentFromToday(-30, 9, 12),
  });

  await tx.insert(affiliates).values({
    clientId: demo.id,
    referralCode: "MARIAG26",
    visitors: 148,
    signups: 3,
    commissionPending: 1500,
    commissionAvailable: 2250,
    commissionWithdrawn: 5000,
    currency: "EUR",
    createdAt: momentFromToday(-300, 16, 40),
  });

  return {
    demo: { paid: [paidAnnual, paidMonthly], overdue, unpaid },
    other: { paid: otherPaid, unpaid: otherUnpaid },
    numbers,
    quoteId,
  };
}

type LineSpec = {
  description: string;
  unitAmount: number;
  quantity?: number;
  serviceId?: number;
  domainId?: number;
  periodStart?: string;
  periodEnd?: string;
};

/** A placeholder unique on its own, replaced by the id-based reference once the row id is known. */
function provisionalReference(prefix: string): string {
  return `${prefix}-SEED-${crypto.randomUUID().slice(0, 18)}`;
}

async function insertInvoice(
  tx: Transaction,
  client: ClientRef,
  spec: { kind: string; issuedDaysAgo: number; dueDaysAgo: number; lines: LineSpec[]; paid?: { daysAgo: number; reference: string } },
): Promise<CreatedInvoice> {
  // Spanish clients only in the demo: 21 % IVA on every line.
  const { priced, subtotal, taxTotal, total } = priceLines(spec.lines, () => SPANISH_VAT_BP);
  const paidAt = spec.paid ? momentFromToday(-spec.paid.daysAgo, 12, 3) : null;
  const dueDate = daysFromToday(-spec.dueDaysAgo);
  const [row] = await tx
    .insert(invoices)
    .values({
      clientId: client.id,
      proformaReference: provisionalReference("PRO"),
      status: paidAt ? "paid" : "unpaid",
      kind: spec.kind,
      issueDate: daysFromToday(-spec.issuedDaysAgo),
      dueDate,
      paidAt,
      currency: "EUR",
      subtotal,
      taxTotal,
      total,
      amountPaid: paidAt ? total : 0,
      clientSnapshot: snapshotOf(client),
      createdAt: momentFromToday(-spec.issuedDaysAgo, 6, 0),
    })
    .returning({ id: invoices.id });
  // Derived from the row id, so it cannot collide with any proforma already in the database.
  const proformaReference = `PRO-${String(row.id).padStart(6, "0")}`;
  await tx.update(invoices).set({ proformaReference }).where(eq(invoices.id, row.id));

  await tx.insert(invoiceLines).values(invoiceLineRows(row.id, priced));

  // The renewal job claims each period it invoices; the demo's invoices are claimed the same way,
  // so a first `npm run cron` does not bill these periods again.
  const claims = priced
    .filter((line) => line.periodStart && (line.serviceId || line.domainId))
    .map((line) => ({
      itemType: line.serviceId ? "service" : "domain",
      itemId: (line.serviceId ?? line.domainId)!,
      periodStart: line.periodStart!,
      invoiceId: row.id,
    }));
  if (claims.length > 0) await tx.insert(renewalClaims).values(claims).onConflictDoNothing();

  if (paidAt && spec.paid) {
    await tx.insert(payments).values({
      clientId: client.id,
      invoiceId: row.id,
      gateway: "stripe",
      gatewayReference: spec.paid.reference,
      amount: total,
      currency: "EUR",
      createdAt: paidAt,
    });
  }
  return { id: row.id, clientId: client.id, proformaReference, total, dueDate, paidAt };
}

/**
 * Gives paid invoices the next numbers of their year's series, oldest payment first, continuing from
 * (and moving on) the locked counters, so numbering stays gapless even on a database with invoices.
 */
async function numberPaidInvoices(tx: Transaction, paid: CreatedInvoice[]): Promise<Map<number, string>> {
  const ordered = [...paid].sort((a, b) => a.paidAt!.getTime() - b.paidAt!.getTime());
  const seriesOf = (invoice: CreatedInvoice) => `F${invoice.paidAt!.getFullYear()}`;
  const seriesNames = [...new Set(ordered.map(seriesOf))];

  await tx
    .insert(invoiceSeriesCounters)
    .values(seriesNames.map((series) => ({ series, lastNumber: 0 })))
    .onConflictDoNothing();
  const counters = await tx
    .select()
    .from(invoiceSeriesCounters)
    .where(inArray(invoiceSeriesCounters.series, seriesNames))
    .orderBy(asc(invoiceSeriesCounters.series))
    .for("update");
  const last = new Map(counters.map((counter) => [counter.series, counter.lastNumber]));

  const numbers = new Map<number, string>();
  for (const invoice of ordered) {
    const series = seriesOf(invoice);
    const number = last.get(series)! + 1;
    last.set(series, number);
    const [row] = await tx.update(invoices).set({ series, number }).where(eq(invoices.id, invoice.id)).returning();
    const invoiceNumber = `${series}-${String(number).padStart(6, "0")}`;
    numbers.set(invoice.id, invoiceNumber);
    // Issued invoices carry their Veri*Factu record, chained in the order they were paid, as the app writes them.
    await recordIssuedInvoice(
      tx,
      { id: row!.id, invoiceNumber, issueDate: row!.issueDate, taxTotal: row!.taxTotal, total: row!.total, currency: row!.currency, clientTaxId: row!.clientSnapshot.taxId },
      COMPANY_SETTINGS,
      invoice.paidAt!,
    );
  }
  for (const [series, lastNumber] of last) {
    await tx.update(invoiceSeriesCounters).set({ lastNumber }).where(eq(invoiceSeriesCounters.series, series));
  }
  return numbers;
}

async function insertQuote(tx: Transaction, clientId: number): Promise<number> {
  const { priced, subtotal, taxTotal, total } = priceLines(
    [
      { description: "Migración de tienda WooCommerce desde su proveedor actual (ficheros, base de datos y correo)", unitAmount: 15000 },
      { description: "Plan Empresa - pago anual", unitAmount: productPrice("business", "annually") },
      { description: "Certificado SSL con validación de organización - 1 año", unitAmount: addonPrice("ssl") },
      { description: "Hora de consultoría de rendimiento web (WPO)", unitAmount: 4500, quantity: 2 },
    ],
    () => SPANISH_VAT_BP,
  );
  const [row] = await tx
    .insert(quotes)
    .values({
      clientId,
      reference: provisionalReference("OF"),
      subject: "Migración de la tienda online al Plan Empresa",
      stage: "delivered",
      issueDate: daysFromToday(-5),
      validUntil: daysFromToday(25),
      currency: "EUR",
      subtotal,
      taxTotal,
      total,
      notes: "La migración se realiza en horario nocturno, sin corte de servicio. Los importes de cada línea no incluyen IVA; el total incluye el 21 % de IVA.",
      createdAt: momentFromToday(-5, 13, 20),
    })
    .returning({ id: quotes.id });
  await tx.update(quotes).set({ reference: `OF-${String(row.id).padStart(6, "0")}` }).where(eq(quotes.id, row.id));
  await tx.insert(quoteLines).values(
    priced.map((line) => ({
      quoteId: row.id,
      description: line.description,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      taxRateBp: line.taxRateBp,
      taxAmount: line.taxAmount,
      lineSubtotal: line.lineSubtotal,
      sortOrder: line.sortOrder,
    })),
  );
  return row.id;
}
