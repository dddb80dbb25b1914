import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";

export type TicketMessageNotice = {
  kind: "opened" | "replied";
  clientId: number;
  contactId: number;
  authorName: string;
  /** Who gets the confirmation; null when only the department is told (a reply). */
  customer: { name: string; email: string } | null;
  /** Who at the company is told: the assigned member of staff when there is one, else the department's address. */
  departmentEmail: string | null;
  departmentName: string;
  ticketId: number;
  reference: string;
  subject: string;
  message: string;
};

const MESSAGE_IN_EMAIL = 2000;

export function ticketUrl(ticketId: number): string {
  return `${env.APP_BASE_URL.replace(/\/+$/, "")}/soporte/tickets/${ticketId}`;
}

/** The same ticket in the staff desk (404 to anyone without a staff session). */
export function staffTicketUrl(ticketId: number): string {
  return `${env.APP_BASE_URL.replace(/\/+$/, "")}/admin/tickets/${ticketId}`;
}

/**
 * After the ticket has committed: the customer's confirmation and the department's notice. A failed
 * send is logged and never undoes the ticket, which the customer already sees in the portal.
 */
export async function notifyTicketMessage(notice: TicketMessageNotice): Promise<{ sent: number; failed: number }> {
  const outcome = { sent: 0, failed: 0 };
  const base = {
    kind: notice.kind,
    reference: notice.reference,
    subject: notice.subject,
    departmentName: notice.departmentName,
    message: notice.message.length > MESSAGE_IN_EMAIL ? `${notice.message.slice(0, MESSAGE_IN_EMAIL)}…` : notice.message,
  };
  const deliveries: (() => Promise<unknown>)[] = [];
  if (notice.customer) {
    const { name, email } = notice.customer;
    deliveries.push(() =>
      sendEmail("ticket-notice", { email, name, clientId: notice.clientId, contactId: notice.contactId }, { ...base, audience: "customer", name, ticketUrl: ticketUrl(notice.ticketId) }),
    );
  }
  if (notice.departmentEmail) {
    const departmentEmail = notice.departmentEmail;
    // Staff mail is not the customer's: no client id, so it stays out of the customer's sent-email log.
    deliveries.push(() =>
      sendEmail("ticket-notice", { email: departmentEmail, name: notice.departmentName }, { ...base, audience: "department", name: notice.authorName, ticketUrl: staffTicketUrl(notice.ticketId) }, { locale: "es" }),
    );
  }
  for (const deliver of deliveries) {
    try {
      await deliver();
      outcome.sent += 1;
    } catch (error) {
      outcome.failed += 1;
      console.error(`[ticket-email] ticket ${notice.ticketId} (${notice.kind}) failed:`, error);
    }
  }
  return outcome;
}
