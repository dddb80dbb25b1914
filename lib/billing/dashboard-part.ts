import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { affiliates, clients, creditLedgerEntries, invoices, type InvoiceStatus } from "@/db/schema";
import type { DashboardPart } from "@/lib/dashboard/dashboard-part";
import { invoiceNumberOf } from "./invoice-number";
import { canCustomerPay, UNPAID_STATUSES } from "./invoice-status";

export const DASHBOARD_UNPAID_INVOICES = 10;

export type DashboardInvoice = {
  id: number;
  reference: string;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  total: number;
  amountDue: number;
  currency: string;
  overdue: boolean;
  /** Whether "Pagar" is offered: the same rule as the invoice page and the payment actions. */
  payable: boolean;
};

export type DashboardAffiliate = {
  referralCode: string;
  visitors: number;
  signups: number;
  commissionPending: number;
  commissionAvailable: number;
  currency: string;
};

export type DashboardBilling = {
  unpaid: { count: number; totalDue: number; overdueCount: number; currency: string; items: DashboardInvoice[] };
  /** Money the customer holds with us. */
  creditBalance: number;
  affiliate: DashboardAffiliate | null;
};

/** Unpaid invoices, the credit balance and the affiliate account: money, so only for the invoices permission. */
export const billingPart: DashboardPart<DashboardBilling, "invoices"> = {
  permission: "invoices",
  async load({ db, clientId, today }) {
    const [invoiceRows, [account]] = await Promise.all([
      // The first unpaid invoices by due date, each row also carrying count, total due and overdue
      // count over ALL unpaid invoices: window aggregates are computed before LIMIT.
      db
        .select({
          id: invoices.id,
          proformaReference: invoices.proformaReference,
          series: invoices.series,
          number: invoices.number,
          status: invoices.status,
          issueDate: invoices.issueDate,
          dueDate: invoices.dueDate,
          total: invoices.total,
          amountPaid: invoices.amountPaid,
          currency: invoices.currency,
          unpaidCount: sql<number>`count(*) over ()`.mapWith(Number),
          totalDue: sql<number>`sum(${invoices.total} - ${invoices.amountPaid}) over ()`.mapWith(Number),
          overdueCount: sql<number>`count(*) filter (where ${invoices.dueDate} < ${today}::date) over ()`.mapWith(Number),
        })
        .from(invoices)
        .where(and(eq(invoices.clientId, clientId), inArray(invoices.status, UNPAID_STATUSES)))
        .orderBy(asc(invoices.dueDate), asc(invoices.id))
        .limit(DASHBOARD_UNPAID_INVOICES),
      db
        .select({
          currency: clients.currency,
          creditBalance: sql<number>`(select coalesce(sum(${creditLedgerEntries.amount}), 0) from ${creditLedgerEntries} where ${creditLedgerEntries.clientId} = ${clientId})`.mapWith(
            Number,
          ),
          affiliateCode: affiliates.referralCode,
          affiliateVisitors: affiliates.visitors,
          affiliateSignups: affiliates.signups,
          affiliatePending: affiliates.commissionPending,
          affiliateAvailable: affiliates.commissionAvailable,
          affiliateCurrency: affiliates.currency,
        })
        .from(clients)
        .leftJoin(affiliates, eq(affiliates.clientId, clients.id))
        .where(eq(clients.id, clientId))
        .limit(1),
    ]);
    const currency = account?.currency ?? "EUR";
    return {
      unpaid: {
        count: invoiceRows[0]?.unpaidCount ?? 0,
        totalDue: invoiceRows[0]?.totalDue ?? 0,
        overdueCount: invoiceRows[0]?.overdueCount ?? 0,
        currency,
        items: invoiceRows.map((invoice) => ({
          id: invoice.id,
          reference: invoiceNumberOf(invoice) ?? invoice.proformaReference,
          status: invoice.status,
          issueDate: invoice.issueDate,
          dueDate: invoice.dueDate,
          total: invoice.total,
          amountDue: invoice.total - invoice.amountPaid,
          currency: invoice.currency,
          overdue: invoice.dueDate < today,
          payable: canCustomerPay(invoice),
        })),
      },
      creditBalance: account?.creditBalance ?? 0,
      affiliate: account?.affiliateCode
        ? {
            referralCode: account.affiliateCode,
            visitors: account.affiliateVisitors ?? 0,
            signups: account.affiliateSignups ?? 0,
            commissionPending: account.affiliatePending ?? 0,
            commissionAvailable: account.affiliateAvailable ?? 0,
            currency: account.affiliateCurrency ?? currency,
          }
        : null,
    };
  },
};
