import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { networkIssueNotices, networkIssues, services } from "@/db/schema";
import { afterCommit } from "@/lib/billing/after-commit";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { issueServerIds } from "./server-status";
import { serviceNoticeRecipients } from "@/lib/services/service-notice-recipients";

export type IncidentNoticeRun = { notices: number; emails: number };


/**
 * The cron's incident notices: every incident or maintenance not yet resolved tells each client with
 * a live (active or suspended) service on an affected server, once. The decision and the record are
 * one INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING inside a transaction, so a second run (even
 * a concurrent one) finds the rows and sends nothing; the emails go out after the commit. Staff
 * creating or updating an incident run it for that incident alone (`issueIds`), right away: the
 * same claim, so a client the staff path told is never told again by the cron, nor the other way round.
 */
export async function sendIncidentNotices(options: { db?: Executor; issueIds?: number[] } = {}): Promise<IncidentNoticeRun> {
  if (options.issueIds && options.issueIds.length === 0) return { notices: 0, emails: 0 };
  const db = options.db ?? (await getDb());
  const decided = await db.transaction((tx) =>
    tx
      .insert(networkIssueNotices)
      .select(
        tx
          .selectDistinct({ issueId: sql<number>`${networkIssues.id}`.as("issue_id"), clientId: sql<number>`${services.clientId}`.as("client_id"), sentAt: sql<Date>`now()`.as("sent_at") })
          .from(networkIssues)
          .innerJoin(services, and(inArray(services.status, ["active", "suspended"]), sql`${services.serverId} in ${issueServerIds(networkIssues.id)}`))
          .where(
            and(
              ne(networkIssues.status, "resolved"),
              sql`(${networkIssues.endsAt} is null or ${networkIssues.endsAt} > now())`,
              options.issueIds ? inArray(networkIssues.id, options.issueIds) : undefined,
            ),
          ),
      )
      .onConflictDoNothing()
      .returning({ issueId: networkIssueNotices.issueId, clientId: networkIssueNotices.clientId }),
  );
  if (decided.length === 0) return { notices: 0, emails: 0 };

  const issueIds = [...new Set(decided.map((notice) => notice.issueId))];
  const issues = await db
    .select({ id: networkIssues.id, title: networkIssues.title, status: networkIssues.status, description: networkIssues.description, startsAt: networkIssues.startsAt, endsAt: networkIssues.endsAt })
    .from(networkIssues)
    .where(inArray(networkIssues.id, issueIds));
  const statusUrl = `${env.APP_BASE_URL.replace(/\/+$/, "")}/soporte/estado`;

  let emails = 0;
  for (const notice of decided) {
    const issue = issues.find((row) => row.id === notice.issueId);
    if (!issue) continue;
    const affected = await db
      .select({ domain: services.domain })
      .from(services)
      .where(and(eq(services.clientId, notice.clientId), inArray(services.status, ["active", "suspended"]), sql`${services.serverId} in ${issueServerIds(sql`${issue.id}`)}`))
      .orderBy(asc(services.domain));
    for (const recipient of await serviceNoticeRecipients(db, notice.clientId)) {
      await afterCommit(`incident notice ${issue.id} to client ${notice.clientId}`, async () => {
        await sendEmail(
          "network-incident",
          { email: recipient.email, name: recipient.name, clientId: notice.clientId, contactId: recipient.contactId },
          {
            name: recipient.name,
            title: issue.title,
            scheduled: issue.status === "scheduled",
            description: issue.description,
            startsAt: issue.startsAt.toISOString(),
            endsAt: issue.endsAt?.toISOString() ?? null,
            services: affected.map((row) => row.domain),
            statusUrl,
          },
        );
        emails += 1;
      });
    }
  }
  return { notices: decided.length, emails };
}
