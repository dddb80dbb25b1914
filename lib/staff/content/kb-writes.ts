import { and, count, eq, ne } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { kbArticles, kbArticleVotes, kbCategories, kbHiddenCategories } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ContentActor, ContentContext } from "./content-actor";
import { freeSlug } from "./unique-slug";

export type KbCategoryInput = { id: number | null; name: string; slug: string | null; description: string | null; sortOrder: number; hidden: boolean };
export type KbArticleInput = { id: number | null; title: string; slug: string | null; categoryId: number; body: string; published: boolean };

const slugTaken = { ok: false as const, error: "errors.checkFields", fieldErrors: { slug: "adminContent.errors.slugTaken" } };

async function slugInUse(tx: Executor, table: typeof kbCategories | typeof kbArticles, slug: string, exceptId: number | null): Promise<boolean> {
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.slug, slug), exceptId ? ne(table.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

/**
 * A category of the knowledge base; its slug is the address customers open (/soporte/conocimiento/categoria/…).
 * Hidden, neither it nor its articles reach customers (lib/support/kb-visibility.ts); the articles keep their own state.
 */
export async function saveKbCategory(staff: ContentActor, input: KbCategoryInput, context: ContentContext): Promise<ActionResult<{ id: number }>> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult<{ id: number }>> => {
    if (input.slug && (await slugInUse(tx, kbCategories, input.slug, input.id))) return slugTaken;
    const slug = input.slug ?? (input.id ? undefined : await freeSlug(tx, kbCategories, input.name, "categoria"));
    const values = { name: input.name, description: input.description, sortOrder: input.sortOrder, ...(slug ? { slug } : {}) };
    const [row] = input.id
      ? await tx.update(kbCategories).set(values).where(eq(kbCategories.id, input.id)).returning({ id: kbCategories.id, slug: kbCategories.slug })
      : await tx
          .insert(kbCategories)
          .values({ ...values, slug: slug! })
          .returning({ id: kbCategories.id, slug: kbCategories.slug });
    if (!row) return { ok: false, error: "adminContent.errors.categoryNotFound" };
    if (input.hidden) await tx.insert(kbHiddenCategories).values({ categoryId: row.id, hiddenByStaffUserId: staff.staffUserId }).onConflictDoNothing();
    else await tx.delete(kbHiddenCategories).where(eq(kbHiddenCategories.categoryId, row.id));
    await recordAudit(tx, {
      clientId: null,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.kb_category_saved",
      details: { categoryId: row.id, name: input.name, slug: row.slug, hidden: input.hidden, created: !input.id },
      ip: context.ip,
    });
    return { ok: true, message: "adminContent.kb.categorySaved", data: { id: row.id } };
  });
}

/** Only an empty category can go: its articles would otherwise lose their place. */
export async function deleteKbCategory(staff: ContentActor, input: { id: number }, context: ContentContext): Promise<ActionResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult> => {
    const [articles] = await tx.select({ n: count() }).from(kbArticles).where(eq(kbArticles.categoryId, input.id));
    if (articles!.n > 0) return { ok: false, error: "adminContent.errors.categoryNotEmpty" };
    const [row] = await tx.delete(kbCategories).where(eq(kbCategories.id, input.id)).returning({ id: kbCategories.id, name: kbCategories.name });
    if (!row) return { ok: false, error: "adminContent.errors.categoryNotFound" };
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.kb_category_deleted", details: { categoryId: row.id, name: row.name }, ip: context.ip });
    return { ok: true, message: "adminContent.kb.categoryDeleted" };
  });
}

/**
 * An article: published ones are what the knowledge base, its search and the ticket form's
 * suggestions show; hidden ones none of them. An edit keeps the slug unless staff type a new one.
 */
export async function saveKbArticle(staff: ContentActor, input: KbArticleInput, context: ContentContext): Promise<ActionResult<{ id: number }>> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult<{ id: number }>> => {
    const [category] = await tx.select({ id: kbCategories.id }).from(kbCategories).where(eq(kbCategories.id, input.categoryId)).limit(1);
    if (!category) return { ok: false, error: "errors.checkFields", fieldErrors: { categoryId: "adminContent.errors.categoryRequired" } };
    if (input.slug && (await slugInUse(tx, kbArticles, input.slug, input.id))) return slugTaken;
    const slug = input.slug ?? (input.id ? undefined : await freeSlug(tx, kbArticles, input.title, "articulo"));
    const values = { title: input.title, categoryId: category.id, body: input.body, published: input.published, updatedAt: new Date(), ...(slug ? { slug } : {}) };
    const [row] = input.id
      ? await tx.update(kbArticles).set(values).where(eq(kbArticles.id, input.id)).returning({ id: kbArticles.id, slug: kbArticles.slug })
      : await tx
          .insert(kbArticles)
          .values({ ...values, slug: slug! })
          .returning({ id: kbArticles.id, slug: kbArticles.slug });
    if (!row) return { ok: false, error: "adminContent.errors.articleNotFound" };
    await recordAudit(tx, {
      clientId: null,
      contactId: null,
      staffUserId: staff.staffUserId,
      action: "staff.kb_article_saved",
      details: { articleId: row.id, title: input.title, slug: row.slug, categoryId: category.id, published: input.published, created: !input.id },
      ip: context.ip,
    });
    return { ok: true, message: "adminContent.kb.articleSaved", data: { id: row.id } };
  });
}

/** The article and its "¿Fue útil?" votes go together. */
export async function deleteKbArticle(staff: ContentActor, input: { id: number }, context: ContentContext): Promise<ActionResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<ActionResult> => {
    await tx.delete(kbArticleVotes).where(eq(kbArticleVotes.articleId, input.id));
    const [row] = await tx.delete(kbArticles).where(eq(kbArticles.id, input.id)).returning({ id: kbArticles.id, title: kbArticles.title, slug: kbArticles.slug });
    if (!row) return { ok: false, error: "adminContent.errors.articleNotFound" };
    await recordAudit(tx, { clientId: null, contactId: null, staffUserId: staff.staffUserId, action: "staff.kb_article_deleted", details: { articleId: row.id, title: row.title, slug: row.slug }, ip: context.ip });
    return { ok: true, message: "adminContent.kb.articleDeleted" };
  });
}
