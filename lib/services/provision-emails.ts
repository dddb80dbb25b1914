import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { clients, invoices, products, services } from "@/db/schema";
import { formatInvoiceNumber } from "@/lib/billing/invoice-number";
import { sendEmail } from "@/lib/email/send-email";
import type { TemplateData, TemplateName } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { toLocale } from "@/lib/i18n/locales";
import { serviceNoticeRecipients, type ServiceNoticeRecipient } from "./service-notice-recipients";

// Emails about a service (welcome, suspension, cancellation). Sent after the change they report has committed;
// they never throw: a mail outage must not undo a provisioned account or fail the cron.

/** The portal's service page, and the page where the customer chooses the panel password (built with the service pages). */
export function serviceUrl(serviceId: number): string {
  return `${env.APP_BASE_URL.replace(/\/+$/, "")}/productos/${serviceId}`;
}

export function panelPasswordUrl(serviceId: number): string {
  return `${serviceUrl(serviceId)}/contrasena`;
}


/** Deliberately unscoped: jobs know only the service id and learn its client here. */
async function loadService(executor: Executor, serviceId: number) {
  const [row] = await executor
    .select({
      id: services.id,
      clientId: services.clientId,
      domain: services.domain,
      username: services.username,
      productName: products.name,
      language: clients.language,
    })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .innerJoin(clients, eq(clients.id, services.clientId))
    .where(eq(services.id, serviceId))
    .limit(1);
  return row ?? null;
}

async function deliver<Name extends TemplateName>(
  template: Name,
  service: { id: number; clientId: number; language: string },
  dataFor: (recipient: ServiceNoticeRecipient) => TemplateData[Name],
): Promise<number> {
  const db = await getDb();
  let sent = 0;
  for (const recipient of await serviceNoticeRecipients(db, service.clientId)) {
    try {
      await sendEmail(
        template,
        { email: recipient.email, name: recipient.name, clientId: service.clientId, contactId: recipient.contactId },
        dataFor(recipient),
        { locale: toLocale(service.language) },
      );
      sent += 1;
    } catch (error) {
      console.error(`[service-email] ${template} for service ${service.id} to ${recipient.email} failed:`, error);
    }
  }
  return sent;
}

/** "Su servicio ya está activo": the panel user and a link to choose the panel password, never a password. */
export async function sendServiceWelcomeEmail(serviceId: number): Promise<number> {
  try {
    const db = await getDb();
    const service = await loadService(db, serviceId);
    if (!service) return 0;
    return await deliver("service-welcome", service, (recipient) => ({
      name: recipient.name,
      productName: service.productName,
      domain: service.domain,
      panelUsername: service.username,
      serviceUrl: serviceUrl(service.id),
      setPasswordUrl: panelPasswordUrl(service.id),
    }));
  } catch (error) {
    console.error(`[service-email] welcome for service ${serviceId} failed:`, error);
    return 0;
  }
}

/** "Servicio suspendido": which overdue invoice suspended it and the link to pay it. */
export async function sendServiceSuspendedEmail(serviceId: number, invoiceId: number): Promise<number> {
  try {
    const db = await getDb();
    const service = await loadService(db, serviceId);
    if (!service) return 0;
    const [invoice] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.clientId, service.clientId)))
      .limit(1);
    if (!invoice) return 0;
    const reference = invoice.series !== null && invoice.number !== null ? formatInvoiceNumber(invoice.series, invoice.number) : invoice.proformaReference;
    return await deliver("service-suspended", service, (recipient) => ({
      name: recipient.name,
      productName: service.productName,
      domain: service.domain,
      reference,
      dueDate: invoice.dueDate,
      amountDue: invoice.total - invoice.amountPaid,
      currency: invoice.currency,
      invoiceUrl: `${env.APP_BASE_URL.replace(/\/+$/, "")}/facturacion/facturas/${invoice.id}`,
    }));
  } catch (error) {
    console.error(`[service-email] suspension of service ${serviceId} failed:`, error);
    return 0;
  }
}

/** "Servicio cancelado": the cancellation the customer asked for has been carried out. */
export async function sendServiceCancelledEmail(serviceId: number): Promise<number> {
  try {
    const db = await getDb();
    const service = await loadService(db, serviceId);
    if (!service) return 0;
    return await deliver("service-cancelled", service, (recipient) => ({
      name: recipient.name,
      productName: service.productName,
      domain: service.domain,
      serviceUrl: serviceUrl(service.id),
    }));
  } catch (error) {
    console.error(`[service-email] cancellation of service ${serviceId} failed:`, error);
    return 0;
  }
}
