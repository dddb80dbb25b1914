import { and, asc, eq, gt, isNull, lte, ne, notExists, sql, type SQL } from "drizzle-orm";
import { getDb, type Database, type Executor } from "@/db/client";
import { clients, domains, invoiceLines, invoices, products, renewalClaims, services, type BillingCycle } from "@/db/schema";
import { createInvoice } from "@/lib/billing/create-invoice";
import { recordDomainOrderItems } from "@/lib/domains/orders/domain-order-items";
import { lockClient } from "@/lib/billing/credit";
import { addDays } from "@/lib/billing/today";
import { translatorFor } from "@/lib/i18n/translator";
import { getBillingSettings } from "@/lib/settings/get-settings";
import { sendInvoiceCreatedEmail, sendPaymentReceivedEmail } from "./billing-emails";

const DEFAULT_DAYS_BEFORE = 14;

export const CYCLE_MONTHS: Record<Exclude<BillingCycle, "onetime">, number> = {
  monthly: 1,
  quarterly: 3,
  semiannually: 6,
  annually: 12,
  biennially: 24,
  triennially: 36,
};

export type RenewalRunResult = {
  today: string;
  /** Items whose next due date is on or before this day were considered. */
  windowEnd: string;
  servicesInvoiced: number;
  domainsInvoiced: number;
  /** Lost a race to another run that invoiced the same period first (nothing created here). */
  alreadyInvoiced: number;
  /** Items that raised an error; logged, and retried by the next run since nothing was claimed. */
  failed: number;
  invoiceIds: number[];
};

type RenewalItem = {
  itemType: "service" | "domain";
  itemId: number;
  clientId: number;
  periodStart: string;
  periodEnd: string;
  description: string;
  unitAmount: number;
  /** Domains: the years the renewal buys at the registrar. */
  years?: number;
};

/**
 * Issues one renewal invoice per service or auto-renewing domain period falling due within the
 * configured number of days. The period is claimed (renewal_claims, keyed by item and period
 * start) in the same transaction that creates its invoice, so reruns and concurrent runs create
 * nothing new. The due date itself is not moved here: it moves when the invoice is paid.
 */
export async function runRenewalInvoicing(today: string): Promise<RenewalRunResult> {
  const db = await getDb();
  const settings = await getBillingSettings(db);
  const daysBefore = wholeDays(settings.renewalInvoiceDaysBefore, DEFAULT_DAYS_BEFORE);
  const windowEnd = addDays(today, daysBefore);
  const items = [...(await dueServices(db, windowEnd)), ...(await dueDomains(db, windowEnd))];

  const result: RenewalRunResult = {
    today,
    windowEnd,
    servicesInvoiced: 0,
    domainsInvoiced: 0,
    alreadyInvoiced: 0,
    failed: 0,
    invoiceIds: [],
  };
  for (const item of items) {
    let created: { invoiceId: number; paid: boolean } | null;
    try {
      created = await invoiceRenewal(db, item, today);
    } catch (error) {
      result.failed += 1;
      console.error(`[renewals] ${item.itemType} ${item.itemId} (period ${item.periodStart}) was not invoiced:`, error);
      continue;
    }
    if (created === null) {
      result.alreadyInvoiced += 1;
      continue;
    }
    if (item.itemType === "service") result.servicesInvoiced += 1;
    else result.domainsInvoiced += 1;
    result.invoiceIds.push(created.invoiceId);
    await sendInvoiceCreatedEmail(created.invoiceId);
    // Settled at once from the credit balance: the customer also gets the numbered invoice.
    if (created.paid) await sendPaymentReceivedEmail(created.invoiceId);
  }
  return result;
}

/** Active, periodically billed services due within the window whose period has no invoice yet: one statement. */
async function dueServices(db: Database, windowEnd: string): Promise<RenewalItem[]> {
  const rows = await db
    .select({
      id: services.id,
      clientId: services.clientId,
      domain: services.domain,
      billingCycle: services.billingCycle,
      recurringAmount: services.recurringAmount,
      nextDueDate: services.nextDueDate,
      productName: products.name,
      language: clients.language,
    })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .innerJoin(clients, eq(clients.id, services.clientId))
    .leftJoin(
      renewalClaims,
      and(eq(renewalClaims.itemType, "service"), eq(renewalClaims.itemId, services.id), eq(renewalClaims.periodStart, services.nextDueDate)),
    )
    .where(
      and(
        eq(services.status, "active"),
        lte(services.nextDueDate, windowEnd),
        ne(services.billingCycle, "onetime"),
        gt(services.recurringAmount, 0),
        isNull(renewalClaims.itemId),
        notExists(invoicedLine(db, invoiceLines.serviceId, services.id, services.nextDueDate)),
      ),
    )
    .orderBy(asc(services.nextDueDate), asc(services.id));

  return rows.flatMap((row) => {
    const months = CYCLE_MONTHS[row.billingCycle as keyof typeof CYCLE_MONTHS];
    if (!months || !row.nextDueDate) return [];
    const periodEnd = addDays(addMonths(row.nextDueDate, months), -1);
    const t = translatorFor(row.language);
    return [
      {
        itemType: "service" as const,
        itemId: row.id,
        clientId: row.clientId,
        periodStart: row.nextDueDate,
        periodEnd,
        description: t("email.renewalLines.service", {
          product: row.productName,
          domain: row.domain,
          start: dayMonthYear(row.nextDueDate),
          end: dayMonthYear(periodEnd),
        }),
        unitAmount: row.recurringAmount,
      },
    ];
  });
}

/** Active auto-renewing domains due within the window whose period has no invoice yet: one statement. */
async function dueDomains(db: Database, windowEnd: string): Promise<RenewalItem[]> {
  const rows = await db
    .select({
      id: domains.id,
      clientId: domains.clientId,
      name: domains.name,
      years: domains.registrationPeriodYears,
      recurringAmount: domains.recurringAmount,
      nextDueDate: domains.nextDueDate,
      language: clients.language,
    })
    .from(domains)
    .innerJoin(clients, eq(clients.id, domains.clientId))
    .leftJoin(
      renewalClaims,
      and(eq(renewalClaims.itemType, "domain"), eq(renewalClaims.itemId, domains.id), eq(renewalClaims.periodStart, domains.nextDueDate)),
    )
    .where(
      and(
        eq(domains.status, "active"),
        eq(domains.autoRenew, true),
        lte(domains.nextDueDate, windowEnd),
        gt(domains.recurringAmount, 0),
        isNull(renewalClaims.itemId),
        notExists(invoicedLine(db, invoiceLines.domainId, domains.id, domains.nextDueDate)),
      ),
    )
    .orderBy(asc(domains.nextDueDate), asc(domains.id));

  return rows.flatMap((row) => {
    if (!row.nextDueDate) return [];
    const years = Math.max(1, row.years);
    return [
      {
        itemType: "domain" as const,
        itemId: row.id,
        clientId: row.clientId,
        periodStart: row.nextDueDate,
        periodEnd: addDays(addMonths(row.nextDueDate, 12 * years), -1),
        description: translatorFor(row.language)("email.renewalLines.domain", { domain: row.name, years }),
        unitAmount: row.recurringAmount,
        years,
      },
    ];
  });
}

class PeriodAlreadyClaimed extends Error {}

/**
 * One transaction: lock the client (the lock order every billing write follows) and the item, check
 * nobody claimed the period meanwhile, create the invoice, claim the period. The locks make a
 * concurrent run wait and then see the claim; the claim's primary key (ON CONFLICT DO NOTHING) is
 * the backstop, rolling the whole invoice back if it lost. Null when the period was already invoiced.
 */
async function invoiceRenewal(db: Database, item: RenewalItem, today: string): Promise<{ invoiceId: number; paid: boolean } | null> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await lockClient(tx, item.clientId))) return null;
      const current =
        item.itemType === "service"
          ? await tx
              .select({ status: services.status, nextDueDate: services.nextDueDate })
              .from(services)
              .where(and(eq(services.id, item.itemId), eq(services.clientId, item.clientId)))
              .for("update")
          : await tx
              .select({ status: domains.status, nextDueDate: domains.nextDueDate })
              .from(domains)
              .where(and(eq(domains.id, item.itemId), eq(domains.clientId, item.clientId), eq(domains.autoRenew, true)))
              .for("update");
      const [row] = current;
      if (!row || row.status !== "active" || row.nextDueDate !== item.periodStart) return null;

      const [claimed] = await tx
        .select({ invoiceId: renewalClaims.invoiceId })
        .from(renewalClaims)
        .where(claimKey(item))
        .limit(1);
      if (claimed) return null;
      const itemColumn = item.itemType === "service" ? invoiceLines.serviceId : invoiceLines.domainId;
      const [covered] = await invoicedLine(tx, itemColumn, sql`${item.itemId}::integer`, sql`${item.periodStart}::date`).limit(1);
      if (covered) return null;

      const invoice = await createInvoice(tx, {
        clientId: item.clientId,
        kind: "renewal",
        issueDate: today,
        // Due on the day the service or domain expires; a late run never dates it before its issue.
        dueDate: item.periodStart > today ? item.periodStart : today,
        lines: [
          {
            description: item.description,
            quantity: 1,
            unitAmount: item.unitAmount,
            serviceId: item.itemType === "service" ? item.itemId : undefined,
            domainId: item.itemType === "domain" ? item.itemId : undefined,
            periodStart: item.periodStart,
            periodEnd: item.periodEnd,
          },
        ],
      });
      const inserted = await tx
        .insert(renewalClaims)
        .values({ itemType: item.itemType, itemId: item.itemId, periodStart: item.periodStart, invoiceId: invoice.invoiceId })
        .onConflictDoNothing()
        .returning({ invoiceId: renewalClaims.invoiceId });
      if (inserted.length === 0) throw new PeriodAlreadyClaimed();
      // Paying a domain's renewal renews it at the registrar, once (the same path as a renewal ordered in the cart).
      if (item.itemType === "domain") {
        await recordDomainOrderItems(tx, {
          clientId: item.clientId,
          invoiceId: invoice.invoiceId,
          orderId: null,
          paid: invoice.paid,
          items: [{ domainId: item.itemId, action: "renew", years: item.years ?? 1, idProtection: false, eppCode: null }],
        });
      }
      return { invoiceId: invoice.invoiceId, paid: invoice.paid };
    });
  } catch (error) {
    if (error instanceof PeriodAlreadyClaimed) return null;
    throw error;
  }
}

/**
 * A live invoice line already billing this item from this date: an order, a quote, staff, or data
 * from before renewal claims existed. The claim alone would not see those, and the customer would
 * be billed twice for one period.
 */
function invoicedLine(
  executor: Executor,
  itemColumn: typeof invoiceLines.serviceId | typeof invoiceLines.domainId,
  itemId: SQL | typeof services.id | typeof domains.id,
  periodStart: SQL | typeof services.nextDueDate | typeof domains.nextDueDate,
) {
  return executor
    .select({ invoiceId: invoiceLines.invoiceId })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(itemColumn, itemId), eq(invoiceLines.periodStart, periodStart), ne(invoices.status, "cancelled")));
}

function claimKey(item: RenewalItem) {
  return and(eq(renewalClaims.itemType, item.itemType), eq(renewalClaims.itemId, item.itemId), eq(renewalClaims.periodStart, item.periodStart));
}

function wholeDays(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 366 ? value : fallback;
}

/** 'YYYY-MM-DD' plus `months`, clamped to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Dates inside an invoice line read as a person would write them in Spain (dd/mm/yyyy). */
export function dayMonthYear(date: string): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}
