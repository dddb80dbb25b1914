import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { actingStaffUserIdFor } from "@/lib/staff/impersonation-context";

/**
 * What the activity log can show. Each action gets a label in the catalog when the log page is built,
 * so a new one is added here rather than typed freely at the call site.
 */
export const AUDIT_ACTIONS = [
  "profile.updated",
  "email.changed",
  "login.success",
  "login.failure",
  "password.reset",
  "password.changed",
  "security_question.changed",
  "sessions.revoked",
  "data.exported",
  "two_factor.enabled",
  "two_factor.disabled",
  "two_factor.success",
  "two_factor.failure",
  "two_factor.backup_codes_regenerated",
  "passkey.added",
  "passkey.removed",
  "contact.created",
  "contact.updated",
  "contact.deleted",
  "contact.access_granted",
  "contact.access_revoked",
  "contact.permissions_changed",
  "contact.invitation_sent",
  "invitation.accepted",
  "service.panel_login",
  "service.panel_password_changed",
  "service.mailbox_created",
  "service.cancellation_requested",
  "service.cancellation_withdrawn",
  "domain.auto_renew_changed",
  "domain.nameservers_changed",
  "domain.lock_changed",
  "domain.contact_changed",
  "domain.private_nameserver_changed",
  "domain.epp_code_requested",
  "dns.enabled",
  "dns.zone_saved",
  "dns.forward_added",
  "dns.forward_deleted",
  "dns.disabled",
  // Staff area: the client's Actividad page shows these as done by "personal de soporte".
  "staff.ticket_replied",
  "staff.ticket_updated",
  "staff.ticket_assigned",
  "staff.ticket_merged",
  "staff.invoice_created",
  "staff.quote_created",
  "staff.invoice_sent",
  "staff.invoice_cancelled",
  "staff.payment_recorded",
  "staff.invoice_refunded_to_credit",
  "staff.file_uploaded",
  "staff.file_removed",
  // Staff-only traces (clientId null: never on a customer's page; the client, if any, is in details).
  "staff.ticket_note_added",
  "staff.sign_in",
  "staff.sign_in_failure",
  "staff.two_factor_enrolled",
  "staff.canned_reply_saved",
  "staff.canned_reply_deleted",
  // Staff area, clients: on the client's Actividad as "personal de soporte"; notes stay staff-only.
  "staff.client_updated",
  "staff.credit_added",
  "staff.charge_added",
  "staff.impersonation_started",
  "staff.impersonation_ended",
  "staff.client_note_added",
  // Staff area, work queues: on the client's Actividad as "personal de soporte".
  "staff.cancellation_carried_out",
  "staff.cancellation_declined",
  "staff.provisioning_retried",
  // Staff area, content (announcements, knowledge base, downloads, servers, incidents): staff-only traces.
  "staff.announcement_saved",
  "staff.announcement_deleted",
  "staff.kb_category_saved",
  "staff.kb_category_deleted",
  "staff.kb_article_saved",
  "staff.kb_article_deleted",
  "staff.download_category_saved",
  "staff.download_category_deleted",
  "staff.download_uploaded",
  "staff.download_removed",
  "staff.server_saved",
  "staff.incident_created",
  "staff.incident_updated",
  "staff.incident_resolved",
  // Staff area, catalogue (staff-only, clientId null): what the store sells and at what price.
  "staff.catalog_group_saved",
  "staff.catalog_product_saved",
  "staff.catalog_product_deleted",
  "staff.catalog_price_changed",
  "staff.catalog_option_saved",
  "staff.catalog_option_deleted",
  "staff.catalog_addon_saved",
  "staff.catalog_tld_price_changed",
  "staff.catalog_promo_saved",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  /** The account it concerns; null only for staff-side events that no customer may see. */
  clientId: number | null;
  /** The signed-in person who acted; null for changes made by the system or by staff. */
  contactId: number | null;
  /** The member of staff who acted (staff area), or null. */
  staffUserId?: number | null;
  action: AuditAction;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/** Pass the transaction that makes the change, so the change and its trace are written together or not at all. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    clientId: entry.clientId,
    contactId: entry.contactId,
    // While staff use the portal as this client, whatever the customer use case writes is theirs.
    staffUserId: entry.staffUserId ?? actingStaffUserIdFor(entry.clientId),
    action: entry.action,
    details: entry.details ?? null,
    ip: entry.ip ? entry.ip.slice(0, 64) : null,
  });
}
