import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { networkIssues, networkIssueServers, networkIssueUpdates, servers } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { sendIncidentNotices } from "@/lib/support/incident-notices";
import type { ContentActor, ContentContext } from "./content-actor";

export type IncidentInput = { title: string; description: string; status: string; priority: string; startsAt: Date; endsAt: Date | null; serverIds: number[] };
type IncidentOutcome = ActionResult<{ id: number; emails: number }>;

/**
 * An incident or maintenance on the servers named: written with its servers in one transaction,
 * then, after the commit, the clients with live services on them are told through the cron's own
 * notice path (sendIncidentNotices), which claims each (incident, client) once, so neither a second
 * click nor the next cron run emails anyone twice. It shows at once on "Estado de los servidores".
 */
export async function createIncident(staff: ContentActor, input: IncidentInput, context: ContentContext): Promise<IncidentOutcome> {
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    const known = await tx.select({ id: servers.id }).from(servers).where(inArray(servers.id, input.serverIds));
    if (known.length !== input.serverIds.length) return null;
    const [issue] = await tx
      .insert(networkIssues)
      .values({ title: input.title, description: input.description, status: input.status, priority: input.priority, type: "server", startsAt: input.startsAt, endsAt: input.endsAt })
      .returning({ id: networkIssues.id });
    await tx.insert(networkIssueServers).values(input.serverIds.map((serverId) => ({ issueId: issue!.id, serverId })));
    await recordAudit(tx, {
      clientId: null,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.incident_created",
      details: { issueId: issue!.id, title: input.title, status: input.status, serverIds: input.serverIds },
      ip: context.ip,
    });
    return issue!;
  });
  if (!created) return { ok: false, error: "errors.checkFields", fieldErrors: { serverIds: "adminContent.errors.serversRequired" } };
  const run = await sendIncidentNotices({ db, issueIds: [created.id] });
  return { ok: true, message: "adminContent.incidents.created", data: { id: created.id, emails: run.emails } };
}

/**
 * An update on the incident's timeline, its status becoming the update's. Clients already told are
 * not emailed again; one whose service arrived on an affected server since is told now, once.
 */
export async function postIncidentUpdate(staff: ContentActor, input: { issueId: number; status: string; message: string }, context: ContentContext): Promise<IncidentOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    // The row lock orders concurrent updates and a resolution on the same incident.
    const [issue] = await tx.select({ id: networkIssues.id, status: networkIssues.status }).from(networkIssues).where(eq(networkIssues.id, input.issueId)).for("update");
    if (!issue) return "missing" as const;
    if (issue.status === "resolved") return "resolved" as const;
    await tx.insert(networkIssueUpdates).values({ issueId: issue.id, status: input.status, message: input.message });
    await tx.update(networkIssues).set({ status: input.status, updatedAt: sql`now()` }).where(eq(networkIssues.id, issue.id));
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.incident_updated", details: { issueId: issue.id, from: issue.status, to: input.status }, ip: context.ip });
    return "posted" as const;
  });
  if (outcome === "missing") return { ok: false, error: "adminContent.errors.incidentNotFound" };
  if (outcome === "resolved") return { ok: false, error: "adminContent.errors.incidentResolved" };
  const run = await sendIncidentNotices({ db, issueIds: [input.issueId] });
  return { ok: true, message: "adminContent.incidents.updatePosted", data: { id: input.issueId, emails: run.emails } };
}

/** Resolved, with a last update saying so; an end still open (or later than now) becomes now. Nobody is emailed. */
export async function resolveIncident(staff: ContentActor, input: { issueId: number; message: string }, context: ContentContext): Promise<ActionResult> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [issue] = await tx.select({ id: networkIssues.id, status: networkIssues.status }).from(networkIssues).where(eq(networkIssues.id, input.issueId)).for("update");
    if (!issue) return "missing" as const;
    if (issue.status === "resolved") return "resolved" as const;
    await tx.insert(networkIssueUpdates).values({ issueId: issue.id, status: "resolved", message: input.message });
    await tx
      .update(networkIssues)
      .set({ status: "resolved", updatedAt: sql`now()`, endsAt: sql`case when ${networkIssues.endsAt} is null or ${networkIssues.endsAt} > now() then now() else ${networkIssues.endsAt} end` })
      .where(eq(networkIssues.id, issue.id));
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.incident_resolved", details: { issueId: issue.id, from: issue.status }, ip: context.ip });
    return "done" as const;
  });
  if (outcome === "missing") return { ok: false, error: "adminContent.errors.incidentNotFound" };
  if (outcome === "resolved") return { ok: false, error: "adminContent.errors.incidentResolved" };
  return { ok: true, message: "adminContent.incidents.resolved" };
}
