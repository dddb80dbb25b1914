import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Executor } from "@/db/client";
import { auditLog, contacts } from "@/db/schema";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";
import type { ClientScope } from "@/lib/auth/scope";

export const ACTIVITY_PAGE_SIZE = 20;

/** Who did it, as the owner is told: a person of the account by name, support staff as a team, or the system. */
export type ActivityActor =
  | { kind: "contact"; name: string }
  /** A contact of the account deleted since: the row stays, the name is gone. */
  | { kind: "removedContact" }
  | { kind: "staff" }
  | { kind: "system" };

export type ActivityRow = {
  id: number;
  createdAt: Date;
  actor: ActivityActor;
  action: string;
  details: Record<string, unknown> | null;
  /** The contact the action was about (details.contactId), by name, when it is still on the account. */
  subjectName: string | null;
  ip: string | null;
};

export type ActivityPage = Page<ActivityRow>;

const NEWEST_FIRST: KeysetOrder = { key: auditLog.createdAt, id: auditLog.id, type: "timestamp", order: "desc" };

const actorContact = alias(contacts, "actor_contact");
const subjectContact = alias(contacts, "subject_contact");

// details is free-form JSON: only a plain integer is cast, so an odd value reads as "no contact" instead of failing the page.
const subjectContactId = sql`case when ${auditLog.details}->>'contactId' ~ '^[0-9]{1,9}$' then (${auditLog.details}->>'contactId')::integer end`;

/**
 * One page of the account's activity, newest first, with the names of who acted and whom it was
 * about, in one statement. Both joins repeat the client id: a contact id of another account never
 * lends its name here.
 */
export async function listActivity(
  scope: ClientScope,
  options: { cursor?: string | null; limit?: number; db?: Executor } = {},
): Promise<ActivityPage> {
  const { clientId } = scope;
  const db = options.db ?? (await getDb());
  const limit = pageSize(options.limit, ACTIVITY_PAGE_SIZE);
  const keyset = keysetPage(NEWEST_FIRST, options.cursor, limit);
  const fetched = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      cursorKey: cursorKey(NEWEST_FIRST),
      contactId: auditLog.contactId,
      staffUserId: auditLog.staffUserId,
      action: auditLog.action,
      details: auditLog.details,
      ip: auditLog.ip,
      actorFirstName: actorContact.firstName,
      actorLastName: actorContact.lastName,
      subjectId: subjectContact.id,
      subjectFirstName: subjectContact.firstName,
      subjectLastName: subjectContact.lastName,
    })
    .from(auditLog)
    .leftJoin(actorContact, and(eq(actorContact.id, auditLog.contactId), eq(actorContact.clientId, auditLog.clientId)))
    .leftJoin(subjectContact, and(eq(subjectContact.id, subjectContactId), eq(subjectContact.clientId, auditLog.clientId)))
    .where(and(eq(auditLog.clientId, clientId), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);

  return keyset.toPage(fetched, (row) => ({
    id: row.id,
    createdAt: row.createdAt,
    actor: actorOf(row),
    action: row.action,
    details: row.details ?? null,
    // Someone acting on their own contact (accepting an invitation) is named once, as the actor.
    subjectName: row.subjectId !== null && row.subjectId !== row.contactId ? fullName(row.subjectFirstName, row.subjectLastName) : null,
    ip: row.ip,
  }));
}

function fullName(first: string | null, last: string | null): string | null {
  const name = `${first ?? ""} ${last ?? ""}`.trim();
  return name === "" ? null : name;
}

function actorOf(row: { contactId: number | null; staffUserId: number | null; actorFirstName: string | null; actorLastName: string | null }): ActivityActor {
  // Staff names stay inside the company: the customer is told it was support. First, because staff
  // acting as the client ("Acceder como cliente") leave rows with both the contact and the staff user.
  if (row.staffUserId !== null) return { kind: "staff" };
  if (row.contactId !== null) {
    const name = fullName(row.actorFirstName, row.actorLastName);
    return name ? { kind: "contact", name } : { kind: "removedContact" };
  }
  return { kind: "system" };
}

/** What summarizeActivityDetails needs of next-intl's translator, so it runs in pages and tests alike. */
export type DetailTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
  raw(key: string): unknown;
};

/** Details whose value is itself a code with a label elsewhere in the catalogs. */
const VALUE_GROUPS = new Map([
  ["method", "records.details.methods"],
  ["context", "records.details.contexts"],
  ["question", "common.securityQuestions"],
  // A ticket's status and priority as staff set them (staff.ticket_updated).
  ["status", "support.ticketStatus"],
  ["priority", "support.priority"],
]);

// Internal references (ids) mean nothing to the reader; the contact's name is shown instead.
const SKIPPED_KEYS = /Id$|^id$/;

/**
 * The details of an audit row as short sentences in the reader's language: changed fields,
 * permissions added or removed, preferences, the reason of a refusal, and any other plain value
 * under its label (or its key, for a detail no label was written for yet).
 */
export function summarizeActivityDetails(row: Pick<ActivityRow, "details" | "subjectName">, t: DetailTranslator): string[] {
  const lines: string[] = [];
  if (row.subjectName) lines.push(t("records.details.item", { label: t("records.details.keys.contact"), value: row.subjectName }));
  const details = row.details ?? {};
  const label = (group: string, key: string) => labelOf(t, `records.${group}`, key) ?? key;
  const list = (group: string, values: unknown[]) => values.filter((value) => typeof value === "string").map((value) => label(group, value)).join(", ");

  for (const [key, value] of Object.entries(details)) {
    if (SKIPPED_KEYS.test(key) || value === null || value === undefined) continue;
    // A contact's name is already shown above when the row names the contact.
    if (key === "name" && row.subjectName) continue;
    if (key === "fields" && Array.isArray(value)) {
      if (value.length > 0) lines.push(t("records.details.fields", { fields: list("fields", value) }));
    } else if ((key === "permissions" || key === "added" || key === "removed") && Array.isArray(value)) {
      const message = { permissions: "permissions", added: "permissionsAdded", removed: "permissionsRemoved" }[key];
      lines.push(t(`records.details.${message}`, { permissions: value.length > 0 ? list("permissions", value) : t("records.details.noPermissions") }));
    } else if (key === "emailPreferences" && typeof value === "object" && !Array.isArray(value)) {
      const chosen = Object.entries(value as Record<string, unknown>)
        .filter(([, on]) => on === true)
        .map(([preference]) => label("details.preferences", preference));
      lines.push(t("records.details.emailPreferences", { preferences: chosen.length > 0 ? chosen.join(", ") : t("records.details.noPreferences") }));
    } else if (key === "reason" && typeof value === "string") {
      // A refusal is often stored as the message key the customer saw ("twoFactor.errors.codeInvalid").
      lines.push(t("records.details.reason", { reason: label("details.reasons", value.slice(value.lastIndexOf(".") + 1)) }));
    } else if (VALUE_GROUPS.has(key) && typeof value === "string") {
      const valueLabel = labelOf(t, VALUE_GROUPS.get(key)!, value) ?? value;
      lines.push(t("records.details.item", { label: label("details.keys", key), value: valueLabel }));
    } else if (typeof value === "string" || typeof value === "number") {
      lines.push(t("records.details.item", { label: label("details.keys", key), value }));
    } else if (typeof value === "boolean") {
      lines.push(t("records.details.item", { label: label("details.keys", key), value: t(value ? "records.details.yes" : "records.details.no") }));
    }
  }
  return lines;
}

/** The action in plain words; an action no label was written for yet still reads as a sentence. */
export function activityActionLabel(action: string, t: DetailTranslator): string {
  return labelOf(t, "records.actions", action) ?? t("records.activity.unknownAction", { action });
}

/**
 * The catalog's text for a key that comes from stored data, or null. has() is also true for a branch
 * ("login" of "login.success"), and a stray character would make next-intl read another path: only a
 * plain key leading to a text counts.
 */
function labelOf(t: DetailTranslator, group: string, key: string): string | null {
  if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(key)) return null;
  const path = `${group}.${key}`;
  return t.has(path) && typeof t.raw(path) === "string" ? t(path) : null;
}
