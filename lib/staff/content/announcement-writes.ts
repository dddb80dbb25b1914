import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { announcements } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ContentActor, ContentContext } from "./content-actor";
import { freeSlug } from "./unique-slug";

export type AnnouncementInput = { id: number | null; title: string; body: string; publishedAt: Date; published: boolean };

/**
 * Creates or edits an announcement. Customers see it from `publishedAt` on when `published` (a draft
 * or a later date stays hidden, lib/support/announcements.ts). A new one's slug comes from its
 * title; an edit keeps the slug so links already sent keep working.
 */
export async function saveAnnouncement(staff: ContentActor, input: AnnouncementInput, context: ContentContext): Promise<ActionResult<{ id: number }>> {
  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const values = { title: input.title, body: input.body, publishedAt: input.publishedAt, published: input.published };
    const [row] = input.id
      ? await tx.update(announcements).set(values).where(eq(announcements.id, input.id)).returning({ id: announcements.id, slug: announcements.slug })
      : await tx
          .insert(announcements)
          .values({ ...values, slug: await freeSlug(tx, announcements, input.title, "anuncio") })
          .returning({ id: announcements.id, slug: announcements.slug });
    if (!row) return null;
    await recordAudit(tx, {
      clientId: null,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.announcement_saved",
      details: { announcementId: row.id, title: input.title, slug: row.slug, published: input.published, publishedAt: input.publishedAt.toISOString(), created: !input.id },
      ip: context.ip,
    });
    return row;
  });
  if (!saved) return { ok: false, error: "adminContent.errors.announcementNotFound" };
  return { ok: true, message: "adminContent.announcements.saved", data: { id: saved.id } };
}

export async function deleteAnnouncement(staff: ContentActor, input: { id: number }, context: ContentContext): Promise<ActionResult> {
  const db = await getDb();
  const deleted = await db.transaction(async (tx) => {
    const [row] = await tx.delete(announcements).where(eq(announcements.id, input.id)).returning({ id: announcements.id, title: announcements.title, slug: announcements.slug });
    if (!row) return null;
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.announcement_deleted", details: { announcementId: row.id, title: row.title, slug: row.slug }, ip: context.ip });
    return row;
  });
  return deleted ? { ok: true, message: "adminContent.announcements.deleted" } : { ok: false, error: "adminContent.errors.announcementNotFound" };
}
