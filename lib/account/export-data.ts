import { and, asc, eq, notInArray } from "drizzle-orm";
import { getDb, type Database, type Executor } from "@/db/client";
import {
  addons,
  auditLog,
  clientFiles,
  clients,
  contacts,
  creditLedgerEntries,
  dnsRecords,
  domains,
  emailForwards,
  invoiceLines,
  invoices,
  payments,
  products,
  quoteLines,
  quotes,
  sentEmails,
  serviceAddons,
  serviceConfigOptions,
  services,
  ticketAttachments,
  ticketDepartments,
  ticketReplies,
  tickets,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { renderCreditEntryDescription } from "@/lib/billing/credit-entry-description";
import { formatInvoiceNumber } from "@/lib/billing/invoice-number";
import { HIDDEN_QUOTE_STAGES } from "@/lib/billing/queries/quote-status";
import { madridToday } from "@/lib/dashboard/madrid-today";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { readableBy, type EmailReader } from "./sent-emails";

export const EXPORT_FORMAT = "area-de-cliente/account-export";
export const EXPORT_VERSION = 1;

/** The account owner asking for the copy; both ids come from the session. */
export type ExportRequester = EmailReader;

/** Groups child rows under their parent's id, keeping the order the query returned them in. */
function groupBy<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** A child row without its parent's id, which the nesting already says. */
function omit<Row extends object, Key extends keyof Row>(row: Row, key: Key): Omit<Row, Key> {
  const copy: Partial<Row> = { ...row };
  delete copy[key];
  return copy as Omit<Row, Key>;
}

/**
 * Everything the account holds, read with one statement per table (children through a join on
 * their parent's client id), so the cost never grows with the number of invoices or tickets. Every
 * statement names the client; columns are listed one by one, so a secret added to a table later is
 * not exported by accident. Pass a transaction for a consistent snapshot. Ledger descriptions are
 * rendered in `locale` (the reader's), the account's language by default.
 */
export async function collectAccountData(executor: Executor, requester: ExportRequester, locale?: Locale) {
  const { clientId } = requester;
  const [
    profileRows,
    contactRows,
    serviceRows,
    configOptionRows,
    addonRows,
    domainRows,
    dnsRows,
    forwardRows,
    invoiceRows,
    invoiceLineRows,
    paymentRows,
    quoteRows,
    quoteLineRows,
    creditRows,
    ticketRows,
    replyRows,
    attachmentRows,
    fileRows,
    emailRows,
    activityRows,
  ] = await Promise.all([
    executor
      .select({
        firstName: clients.firstName,
        lastName: clients.lastName,
        companyName: clients.companyName,
        taxId: clients.taxId,
        address1: clients.address1,
        address2: clients.address2,
        city: clients.city,
        province: clients.province,
        postcode: clients.postcode,
        country: clients.country,
        phone: clients.phone,
        language: clients.language,
        currency: clients.currency,
        marketingOptIn: clients.marketingOptIn,
        defaultBillingContactId: clients.defaultBillingContactId,
        createdAt: clients.createdAt,
        updatedAt: clients.updatedAt,
      })
      .from(clients)
      .where(eq(clients.id, clientId))
      .limit(1),
    // Never the password hash, the security answer's hash or the TOTP secret: only whether they are set.
    executor
      .select({
        id: contacts.id,
        isOwner: contacts.isOwner,
        hasAccess: contacts.hasAccess,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        companyName: contacts.companyName,
        email: contacts.email,
        phone: contacts.phone,
        address1: contacts.address1,
        city: contacts.city,
        province: contacts.province,
        postcode: contacts.postcode,
        country: contacts.country,
        permissions: contacts.permissions,
        emailPreferences: contacts.emailPreferences,
        securityQuestion: contacts.securityQuestion,
        totpEnabledAt: contacts.totpEnabledAt,
        lastLoginAt: contacts.lastLoginAt,
        createdAt: contacts.createdAt,
        updatedAt: contacts.updatedAt,
      })
      .from(contacts)
      .where(eq(contacts.clientId, clientId))
      .orderBy(asc(contacts.id)),
    executor
      .select({
        id: services.id,
        product: products.name,
        domain: services.domain,
        username: services.username,
        status: services.status,
        billingCycle: services.billingCycle,
        firstPaymentAmount: services.firstPaymentAmount,
        recurringAmount: services.recurringAmount,
        currency: services.currency,
        registrationDate: services.registrationDate,
        nextDueDate: services.nextDueDate,
        diskUsageMb: services.diskUsageMb,
        diskLimitMb: services.diskLimitMb,
        bandwidthUsageMb: services.bandwidthUsageMb,
        bandwidthLimitMb: services.bandwidthLimitMb,
        dedicatedIp: services.dedicatedIp,
        createdAt: services.createdAt,
      })
      .from(services)
      .leftJoin(products, eq(products.id, services.productId))
      .where(eq(services.clientId, clientId))
      .orderBy(asc(services.id)),
    executor
      .select({ serviceId: serviceConfigOptions.serviceId, name: serviceConfigOptions.name, value: serviceConfigOptions.value })
      .from(serviceConfigOptions)
      .innerJoin(services, eq(services.id, serviceConfigOptions.serviceId))
      .where(eq(services.clientId, clientId))
      .orderBy(asc(serviceConfigOptions.id)),
    executor
      .select({
        serviceId: serviceAddons.serviceId,
        name: addons.name,
        status: serviceAddons.status,
        billingCycle: serviceAddons.billingCycle,
        recurringAmount: serviceAddons.recurringAmount,
        currency: serviceAddons.currency,
        registrationDate: serviceAddons.registrationDate,
        nextDueDate: serviceAddons.nextDueDate,
      })
      .from(serviceAddons)
      .leftJoin(addons, eq(addons.id, serviceAddons.addonId))
      .where(eq(serviceAddons.clientId, clientId))
      .orderBy(asc(serviceAddons.id)),
    executor
      .select({
        id: domains.id,
        name: domains.name,
        status: domains.status,
        registrationDate: domains.registrationDate,
        expiryDate: domains.expiryDate,
        nextDueDate: domains.nextDueDate,
        registrationPeriodYears: domains.registrationPeriodYears,
        recurringAmount: domains.recurringAmount,
        currency: domains.currency,
        nameservers: domains.nameservers,
        useDefaultNameservers: domains.useDefaultNameservers,
        registrarLock: domains.registrarLock,
        autoRenew: domains.autoRenew,
        idProtection: domains.idProtection,
        dnsManagement: domains.dnsManagement,
        emailForwarding: domains.emailForwarding,
        createdAt: domains.createdAt,
      })
      .from(domains)
      .where(eq(domains.clientId, clientId))
      .orderBy(asc(domains.id)),
    executor
      .select({ domainId: dnsRecords.domainId, host: dnsRecords.host, type: dnsRecords.type, content: dnsRecords.content, ttl: dnsRecords.ttl, priority: dnsRecords.priority })
      .from(dnsRecords)
      .where(eq(dnsRecords.clientId, clientId))
      .orderBy(asc(dnsRecords.id)),
    executor
      .select({ domainId: emailForwards.domainId, localPart: emailForwards.localPart, destination: emailForwards.destination })
      .from(emailForwards)
      .where(eq(emailForwards.clientId, clientId))
      .orderBy(asc(emailForwards.id)),
    executor
      .select({
        id: invoices.id,
        series: invoices.series,
        number: invoices.number,
        proformaReference: invoices.proformaReference,
        status: invoices.status,
        kind: invoices.kind,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        paidAt: invoices.paidAt,
        currency: invoices.currency,
        subtotal: invoices.subtotal,
        taxTotal: invoices.taxTotal,
        total: invoices.total,
        amountPaid: invoices.amountPaid,
        billedTo: invoices.clientSnapshot,
        taxMention: invoices.taxMention,
        notes: invoices.notes,
        createdAt: invoices.createdAt,
      })
      .from(invoices)
      .where(eq(invoices.clientId, clientId))
      .orderBy(asc(invoices.issueDate), asc(invoices.id)),
    executor
      .select({
        invoiceId: invoiceLines.invoiceId,
        description: invoiceLines.description,
        quantity: invoiceLines.quantity,
        unitAmount: invoiceLines.unitAmount,
        taxRateBp: invoiceLines.taxRateBp,
        taxAmount: invoiceLines.taxAmount,
        lineSubtotal: invoiceLines.lineSubtotal,
        serviceId: invoiceLines.serviceId,
        domainId: invoiceLines.domainId,
        periodStart: invoiceLines.periodStart,
        periodEnd: invoiceLines.periodEnd,
      })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(eq(invoices.clientId, clientId))
      .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.sortOrder), asc(invoiceLines.id)),
    executor
      .select({
        invoiceId: payments.invoiceId,
        gateway: payments.gateway,
        gatewayReference: payments.gatewayReference,
        amount: payments.amount,
        currency: payments.currency,
        createdAt: payments.createdAt,
      })
      .from(payments)
      .where(eq(payments.clientId, clientId))
      .orderBy(asc(payments.createdAt), asc(payments.id)),
    // Drafts are the company's work in progress: the portal never shows them, nor does the export.
    executor
      .select({
        id: quotes.id,
        reference: quotes.reference,
        subject: quotes.subject,
        stage: quotes.stage,
        issueDate: quotes.issueDate,
        validUntil: quotes.validUntil,
        currency: quotes.currency,
        subtotal: quotes.subtotal,
        taxTotal: quotes.taxTotal,
        total: quotes.total,
        acceptedAt: quotes.acceptedAt,
        invoiceId: quotes.invoiceId,
        notes: quotes.notes,
        createdAt: quotes.createdAt,
      })
      .from(quotes)
      .where(and(eq(quotes.clientId, clientId), notInArray(quotes.stage, HIDDEN_QUOTE_STAGES)))
      .orderBy(asc(quotes.issueDate), asc(quotes.id)),
    executor
      .select({
        quoteId: quoteLines.quoteId,
        description: quoteLines.description,
        quantity: quoteLines.quantity,
        unitAmount: quoteLines.unitAmount,
        taxRateBp: quoteLines.taxRateBp,
        taxAmount: quoteLines.taxAmount,
        lineSubtotal: quoteLines.lineSubtotal,
      })
      .from(quoteLines)
      .innerJoin(quotes, eq(quotes.id, quoteLines.quoteId))
      .where(and(eq(quotes.clientId, clientId), notInArray(quotes.stage, HIDDEN_QUOTE_STAGES)))
      .orderBy(asc(quoteLines.quoteId), asc(quoteLines.sortOrder), asc(quoteLines.id)),
    executor
      .select({
        amount: creditLedgerEntries.amount,
        currency: creditLedgerEntries.currency,
        kind: creditLedgerEntries.kind,
        invoiceId: creditLedgerEntries.invoiceId,
        paymentAttemptId: creditLedgerEntries.paymentAttemptId,
        descriptionKey: creditLedgerEntries.descriptionKey,
        descriptionParams: creditLedgerEntries.descriptionParams,
        description: creditLedgerEntries.description,
        createdAt: creditLedgerEntries.createdAt,
      })
      .from(creditLedgerEntries)
      .where(eq(creditLedgerEntries.clientId, clientId))
      .orderBy(asc(creditLedgerEntries.createdAt), asc(creditLedgerEntries.id)),
    executor
      .select({
        id: tickets.id,
        reference: tickets.reference,
        subject: tickets.subject,
        department: ticketDepartments.name,
        status: tickets.status,
        priority: tickets.priority,
        serviceId: tickets.serviceId,
        createdAt: tickets.createdAt,
        lastReplyAt: tickets.lastReplyAt,
      })
      .from(tickets)
      .leftJoin(ticketDepartments, eq(ticketDepartments.id, tickets.departmentId))
      .where(eq(tickets.clientId, clientId))
      .orderBy(asc(tickets.createdAt), asc(tickets.id)),
    executor
      .select({
        id: ticketReplies.id,
        ticketId: ticketReplies.ticketId,
        staffUserId: ticketReplies.staffUserId,
        authorName: ticketReplies.authorName,
        message: ticketReplies.message,
        createdAt: ticketReplies.createdAt,
      })
      .from(ticketReplies)
      .innerJoin(tickets, eq(tickets.id, ticketReplies.ticketId))
      .where(eq(tickets.clientId, clientId))
      .orderBy(asc(ticketReplies.ticketId), asc(ticketReplies.createdAt), asc(ticketReplies.id)),
    // The bytes stay out: names and sizes say what was sent without making the file huge.
    executor
      .select({
        ticketId: ticketAttachments.ticketId,
        replyId: ticketAttachments.replyId,
        fileName: ticketAttachments.originalName,
        mimeType: ticketAttachments.mimeType,
        sizeBytes: ticketAttachments.sizeBytes,
        createdAt: ticketAttachments.createdAt,
      })
      .from(ticketAttachments)
      .where(eq(ticketAttachments.clientId, clientId))
      .orderBy(asc(ticketAttachments.id)),
    executor
      .select({
        title: clientFiles.title,
        fileName: clientFiles.fileName,
        mimeType: clientFiles.mimeType,
        sizeBytes: clientFiles.sizeBytes,
        createdAt: clientFiles.createdAt,
      })
      .from(clientFiles)
      .where(eq(clientFiles.clientId, clientId))
      .orderBy(asc(clientFiles.createdAt), asc(clientFiles.id)),
    // The same rule as "Correos electrónicos enviados": another person's single-use links stay theirs.
    executor
      .select({ createdAt: sentEmails.createdAt, to: sentEmails.toAddress, subject: sentEmails.subject, text: sentEmails.text })
      .from(sentEmails)
      .where(readableBy(requester))
      .orderBy(asc(sentEmails.createdAt), asc(sentEmails.id)),
    executor
      .select({
        createdAt: auditLog.createdAt,
        action: auditLog.action,
        contactId: auditLog.contactId,
        staffUserId: auditLog.staffUserId,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        details: auditLog.details,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(contacts, and(eq(contacts.id, auditLog.contactId), eq(contacts.clientId, auditLog.clientId)))
      .where(eq(auditLog.clientId, clientId))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
  ]);

  const optionsByService = groupBy(configOptionRows, (row) => row.serviceId);
  const addonsByService = groupBy(addonRows, (row) => row.serviceId);
  const dnsByDomain = groupBy(dnsRows, (row) => row.domainId);
  const forwardsByDomain = groupBy(forwardRows, (row) => row.domainId);
  const linesByInvoice = groupBy(invoiceLineRows, (row) => row.invoiceId);
  const paymentsByInvoice = groupBy(paymentRows, (row) => row.invoiceId);
  const linesByQuote = groupBy(quoteLineRows, (row) => row.quoteId);
  const repliesByTicket = groupBy(replyRows, (row) => row.ticketId);
  const attachmentsByTicket = groupBy(attachmentRows, (row) => row.ticketId);

  const balances = new Map<string, number>();
  for (const entry of creditRows) balances.set(entry.currency, (balances.get(entry.currency) ?? 0) + entry.amount);

  const [profile] = profileRows;
  const t = translatorFor(locale ?? profile?.language);
  return {
    profile: profile ?? null,
    contacts: contactRows.map(({ securityQuestion, totpEnabledAt, ...contact }) => ({
      ...contact,
      securityQuestionSet: securityQuestion !== null,
      twoFactorEnabledAt: totpEnabledAt,
    })),
    services: serviceRows.map((service) => ({
      ...service,
      configOptions: (optionsByService.get(service.id) ?? []).map(({ name, value }) => ({ name, value })),
      addons: (addonsByService.get(service.id) ?? []).map((addon) => omit(addon, "serviceId")),
    })),
    domains: domainRows.map((domain) => ({
      ...domain,
      dnsRecords: (dnsByDomain.get(domain.id) ?? []).map((record) => omit(record, "domainId")),
      emailForwards: (forwardsByDomain.get(domain.id) ?? []).map((forward) => omit(forward, "domainId")),
    })),
    invoices: invoiceRows.map(({ id, series, number, ...invoice }) => ({
      id,
      number: series !== null && number !== null ? formatInvoiceNumber(series, number) : null,
      ...invoice,
      lines: (linesByInvoice.get(id) ?? []).map((line) => omit(line, "invoiceId")),
      payments: (paymentsByInvoice.get(id) ?? []).map((payment) => omit(payment, "invoiceId")),
    })),
    quotes: quoteRows.map((quote) => ({
      ...quote,
      lines: (linesByQuote.get(quote.id) ?? []).map((line) => omit(line, "quoteId")),
    })),
    credit: {
      balances: [...balances].map(([currency, amount]) => ({ currency, amount })),
      entries: creditRows.map(({ descriptionKey, descriptionParams, description, ...entry }) => ({
        ...entry,
        description: renderCreditEntryDescription(t, { descriptionKey, descriptionParams, description }),
      })),
    },
    tickets: ticketRows.map((ticket) => {
      const attachments = attachmentsByTicket.get(ticket.id) ?? [];
      const attachmentsOf = (replyId: number | null) =>
        attachments.filter((attachment) => attachment.replyId === replyId).map(({ fileName, mimeType, sizeBytes, createdAt }) => ({ fileName, mimeType, sizeBytes, createdAt }));
      return {
        ...ticket,
        replies: (repliesByTicket.get(ticket.id) ?? []).map(({ id, staffUserId, authorName, message, createdAt }) => ({
          from: staffUserId !== null ? ("support" as const) : ("customer" as const),
          authorName,
          message,
          createdAt,
          attachments: attachmentsOf(id),
        })),
        attachments: attachmentsOf(null),
      };
    }),
    files: fileRows,
    sentEmails: emailRows,
    activity: activityRows.map(({ contactId, staffUserId, firstName, lastName, ...entry }) => ({
      ...entry,
      by:
        contactId !== null
          ? { kind: "contact" as const, contactId, name: firstName !== null ? `${firstName} ${lastName ?? ""}`.trim() : null }
          : staffUserId !== null
            ? { kind: "support" as const }
            : { kind: "system" as const },
    })),
  };
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
      const collected = await collectAccountData(tx, requester, options.locale);
      await recordAudit(tx, { clientId: requester.clientId, contactId: requester.contactId, action: "data.exported", ip: options.ip ?? null });
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
