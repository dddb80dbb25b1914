import { invoiceNumberOf } from "@/lib/billing/invoice-number";
import { UNPAID_STATUSES } from "@/lib/billing/invoice-status";
import { and, asc, desc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import {
  affiliates,
  announcements,
  clientFiles,
  clients,
  contacts,
  creditLedgerEntries,
  domains,
  invoices,
  products,
  services,
  ticketDepartments,
  tickets,
  type DomainStatus,
  type InvoiceStatus,
  type ServiceStatus,
  type TicketStatus,
} from "@/db/schema";
import { madridToday } from "./madrid-today";

export const DASHBOARD_LIMITS = { invoices: 10, services: 10, tickets: 5, files: 25, announcements: 3 } as const;

/** Services that are over for the customer are left out of "their products". */
const PAST_SERVICE_STATUSES: ServiceStatus[] = ["terminated", "cancelled", "fraud"];
const PAST_DOMAIN_STATUSES: DomainStatus[] = ["expired", "transferred_away", "cancelled"];
const CLOSED_TICKET_STATUS: TicketStatus = "closed";

export type DashboardOptions = {
  canSeeInvoices: boolean;
  canSeeProducts: boolean;
  canSeeTickets: boolean;
  canSeeDomains: boolean;
  /** 'YYYY-MM-DD' in Madrid; tests pin it, the app leaves it out. */
  today?: string;
  /** Tests pass their own handle to count statements; the app uses the shared one. */
  db?: Executor;
};

export type DashboardClient = {
  firstName: string;
  lastName: string;
  companyName: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string;
  postcode: string;
  country: string;
  email: string | null;
  currency: string;
};

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
};

export type DashboardService = {
  id: number;
  productName: string;
  domain: string;
  status: ServiceStatus;
  nextDueDate: string | null;
  billingCycle: string;
  recurringAmount: number;
  currency: string;
};

export type DashboardTicket = {
  id: number;
  reference: string;
  subject: string;
  status: TicketStatus;
  departmentName: string;
  lastReplyAt: Date;
};

export type DashboardFile = { id: number; title: string; fileName: string; sizeBytes: number; createdAt: Date };

export type DashboardAnnouncement = { id: number; title: string; slug: string; summary: string | null; publishedAt: Date };

export type DashboardAffiliate = {
  referralCode: string;
  visitors: number;
  signups: number;
  commissionPending: number;
  commissionAvailable: number;
  currency: string;
};

/** A part the user may not see is null (never loaded); a part with nothing in it is an empty list or zero. */
export type Dashboard = {
  client: DashboardClient | null;
  unpaidInvoices: { count: number; totalDue: number; overdueCount: number; currency: string; items: DashboardInvoice[] } | null;
  services: DashboardService[] | null;
  openTickets: { count: number; items: DashboardTicket[] } | null;
  counts: { activeServices: number | null; domains: number | null; openTickets: number | null; unpaidInvoices: number | null };
  files: DashboardFile[];
  announcements: DashboardAnnouncement[];
  /** Money the customer holds with us: only for users who may see billing. */
  creditBalance: number | null;
  affiliate: DashboardAffiliate | null;
};

/**
 * Everything the "Página inicial" shows, in at most six statements run side by side whatever the
 * number of rows. Parts the user has no permission for are not queried at all.
 */
export async function getDashboard(clientId: number, options: DashboardOptions): Promise<Dashboard> {
  const db = options.db ?? (await getDb());
  const today = options.today ?? madridToday();

  const [clientRows, invoiceRows, serviceRows, ticketRows, fileRows, announcementRows] = await Promise.all([
    loadClient(db, clientId, options),
    options.canSeeInvoices ? loadUnpaidInvoices(db, clientId, today) : null,
    options.canSeeProducts ? loadServices(db, clientId) : null,
    options.canSeeTickets ? loadOpenTickets(db, clientId) : null,
    loadFiles(db, clientId),
    loadAnnouncements(db),
  ]);

  const row = clientRows[0];
  const currency = row?.currency ?? "EUR";
  const unpaidInvoices = invoiceRows
    ? {
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
        })),
      }
    : null;
  const openTickets = ticketRows
    ? {
        count: ticketRows[0]?.openCount ?? 0,
        items: ticketRows.map(({ id, reference, subject, status, departmentName, lastReplyAt }) => ({ id, reference, subject, status, departmentName, lastReplyAt })),
      }
    : null;

  return {
    client: row
      ? {
          firstName: row.firstName,
          lastName: row.lastName,
          companyName: row.companyName,
          address1: row.address1,
          address2: row.address2,
          city: row.city,
          province: row.province,
          postcode: row.postcode,
          country: row.country,
          email: row.email,
          currency,
        }
      : null,
    unpaidInvoices,
    services: serviceRows,
    openTickets,
    counts: {
      activeServices: options.canSeeProducts ? (row?.activeServices ?? 0) : null,
      domains: options.canSeeDomains ? (row?.domainCount ?? 0) : null,
      openTickets: openTickets ? openTickets.count : null,
      unpaidInvoices: unpaidInvoices ? unpaidInvoices.count : null,
    },
    files: fileRows,
    announcements: announcementRows,
    creditBalance: options.canSeeInvoices ? (row?.creditBalance ?? 0) : null,
    affiliate:
      options.canSeeInvoices && row?.affiliateCode
        ? {
            referralCode: row.affiliateCode,
            visitors: row.affiliateVisitors ?? 0,
            signups: row.affiliateSignups ?? 0,
            commissionPending: row.affiliatePending ?? 0,
            commissionAvailable: row.affiliateAvailable ?? 0,
            currency: row.affiliateCurrency ?? currency,
          }
        : null,
  };
}

const skipped = sql<number | null>`null`;

/** The client, its owner's email, its affiliate row and the counters, as one row. */
function loadClient(db: Executor, clientId: number, options: DashboardOptions) {
  return db
    .select({
      firstName: clients.firstName,
      lastName: clients.lastName,
      companyName: clients.companyName,
      address1: clients.address1,
      address2: clients.address2,
      city: clients.city,
      province: clients.province,
      postcode: clients.postcode,
      country: clients.country,
      currency: clients.currency,
      email: contacts.email,
      activeServices: options.canSeeProducts
        ? db.$count(services, and(eq(services.clientId, clientId), eq(services.status, "active")))
        : skipped,
      domainCount: options.canSeeDomains
        ? db.$count(domains, and(eq(domains.clientId, clientId), notInArray(domains.status, PAST_DOMAIN_STATUSES)))
        : skipped,
      creditBalance: options.canSeeInvoices
        ? sql<number>`(select coalesce(sum(${creditLedgerEntries.amount}), 0) from ${creditLedgerEntries} where ${creditLedgerEntries.clientId} = ${clientId})`.mapWith(
            Number,
          )
        : skipped,
      affiliateCode: affiliates.referralCode,
      affiliateVisitors: affiliates.visitors,
      affiliateSignups: affiliates.signups,
      affiliatePending: affiliates.commissionPending,
      affiliateAvailable: affiliates.commissionAvailable,
      affiliateCurrency: affiliates.currency,
    })
    .from(clients)
    .leftJoin(contacts, and(eq(contacts.clientId, clients.id), eq(contacts.isOwner, true)))
    .leftJoin(affiliates, eq(affiliates.clientId, clients.id))
    .where(eq(clients.id, clientId))
    .orderBy(asc(contacts.id))
    .limit(1);
}

/**
 * The first unpaid invoices by due date, each row also carrying count, total due and overdue count
 * over ALL unpaid invoices: window aggregates are computed before LIMIT, so one statement gives both.
 */
function loadUnpaidInvoices(db: Executor, clientId: number, today: string) {
  return db
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
    .limit(DASHBOARD_LIMITS.invoices);
}

function loadServices(db: Executor, clientId: number): Promise<DashboardService[]> {
  return db
    .select({
      id: services.id,
      productName: products.name,
      domain: services.domain,
      status: services.status,
      nextDueDate: services.nextDueDate,
      billingCycle: services.billingCycle,
      recurringAmount: services.recurringAmount,
      currency: services.currency,
    })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .where(and(eq(services.clientId, clientId), notInArray(services.status, PAST_SERVICE_STATUSES)))
    .orderBy(desc(services.registrationDate), desc(services.id))
    .limit(DASHBOARD_LIMITS.services);
}

/** Latest activity first; the count of all open tickets rides along as a window aggregate. */
function loadOpenTickets(db: Executor, clientId: number) {
  return db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      subject: tickets.subject,
      status: tickets.status,
      departmentName: ticketDepartments.name,
      lastReplyAt: tickets.lastReplyAt,
      openCount: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(tickets)
    .innerJoin(ticketDepartments, eq(ticketDepartments.id, tickets.departmentId))
    .where(and(eq(tickets.clientId, clientId), ne(tickets.status, CLOSED_TICKET_STATUS)))
    .orderBy(desc(tickets.lastReplyAt), desc(tickets.id))
    .limit(DASHBOARD_LIMITS.tickets);
}

/** Metadata only: the bytes are read by the download route, one file at a time. */
function loadFiles(db: Executor, clientId: number): Promise<DashboardFile[]> {
  return db
    .select({
      id: clientFiles.id,
      title: clientFiles.title,
      fileName: clientFiles.fileName,
      sizeBytes: clientFiles.sizeBytes,
      createdAt: clientFiles.createdAt,
    })
    .from(clientFiles)
    .where(eq(clientFiles.clientId, clientId))
    .orderBy(desc(clientFiles.createdAt), desc(clientFiles.id))
    .limit(DASHBOARD_LIMITS.files);
}

/** Announcements are public to every customer; a future publication date keeps one hidden until then. */
function loadAnnouncements(db: Executor): Promise<DashboardAnnouncement[]> {
  return db
    .select({
      id: announcements.id,
      title: announcements.title,
      slug: announcements.slug,
      summary: announcements.summary,
      publishedAt: announcements.publishedAt,
    })
    .from(announcements)
    .where(and(eq(announcements.published, true), sql`${announcements.publishedAt} <= now()`))
    .orderBy(desc(announcements.publishedAt), desc(announcements.id))
    .limit(DASHBOARD_LIMITS.announcements);
}
