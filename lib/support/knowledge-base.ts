import { createHash } from "node:crypto";
import { and, asc, desc, eq, ne, or, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { kbArticles, kbArticleVotes, kbCategories } from "@/db/schema";
import { EXCERPT_LENGTH, excerptOf, kbSearchDocument } from "./knowledge-base-search";
import { kbCategoryVisible } from "./kb-visibility";

// "Base de conocimientos" (walkthrough §7.3): public to signed-out visitors, so nothing here takes a
// client scope; only published articles of categories staff have not hidden are ever read.

export type KbCategory = { id: number; name: string; slug: string; description: string | null; articleCount: number };
export type KbArticleListRow = { id: number; title: string; slug: string; excerpt: string; helpfulYes: number };
export type KbArticle = {
  id: number;
  title: string;
  slug: string;
  body: string;
  updatedAt: Date;
  views: number;
  helpfulYes: number;
  helpfulNo: number;
  category: { id: number; name: string; slug: string };
};
export type KbRelated = { id: number; title: string; slug: string; categoryName: string };

export const RELATED_ARTICLES = 5;

async function executor(db?: Executor): Promise<Executor> {
  return db ?? (await getDb());
}

/** Every category with its number of published articles, in the staff's order; one statement. */
export async function listKbCategories(db?: Executor): Promise<KbCategory[]> {
  const rows = await (await executor(db))
    .select({
      id: kbCategories.id,
      name: kbCategories.name,
      slug: kbCategories.slug,
      description: kbCategories.description,
      articleCount: sql<number>`count(${kbArticles.id})`.mapWith(Number),
    })
    .from(kbCategories)
    .leftJoin(kbArticles, and(eq(kbArticles.categoryId, kbCategories.id), eq(kbArticles.published, true)))
    .where(kbCategoryVisible(kbCategories.id))
    .groupBy(kbCategories.id)
    .orderBy(asc(kbCategories.sortOrder), asc(kbCategories.name), asc(kbCategories.id));
  return rows;
}

/** A category and its published articles, most viewed first; null when there is no such category. */
export async function getKbCategory(slug: string, db?: Executor): Promise<{ category: KbCategory; articles: KbArticleListRow[] } | null> {
  if (!slug || slug.length > 200) return null;
  const handle = await executor(db);
  const [category] = await handle
    .select({ id: kbCategories.id, name: kbCategories.name, slug: kbCategories.slug, description: kbCategories.description })
    .from(kbCategories)
    .where(and(eq(kbCategories.slug, slug), kbCategoryVisible(kbCategories.id)))
    .limit(1);
  if (!category) return null;
  const articles = await handle
    .select({
      id: kbArticles.id,
      title: kbArticles.title,
      slug: kbArticles.slug,
      helpfulYes: kbArticles.helpfulYes,
      bodyStart: sql<string>`left(${kbArticles.body}, ${EXCERPT_LENGTH + 1}::integer)`,
    })
    .from(kbArticles)
    .where(and(eq(kbArticles.categoryId, category.id), eq(kbArticles.published, true)))
    .orderBy(desc(kbArticles.views), asc(kbArticles.title), asc(kbArticles.id))
    .limit(200);
  return {
    category: { ...category, articleCount: articles.length },
    articles: articles.map(({ bodyStart, ...row }) => ({ ...row, excerpt: excerptOf(bodyStart) })),
  };
}

/** A published article with its category; counts the view in the same statement. */
export async function getKbArticle(slug: string, options: { countView?: boolean; db?: Executor } = {}): Promise<KbArticle | null> {
  if (!slug || slug.length > 200) return null;
  const handle = await executor(options.db);
  const where = and(eq(kbArticles.slug, slug), eq(kbArticles.published, true), kbCategoryVisible(kbArticles.categoryId));
  const [article] = options.countView
    ? await handle
        .update(kbArticles)
        .set({ views: sql`${kbArticles.views} + 1` })
        .where(where)
        .returning({ id: kbArticles.id, categoryId: kbArticles.categoryId })
    : await handle.select({ id: kbArticles.id, categoryId: kbArticles.categoryId }).from(kbArticles).where(where).limit(1);
  if (!article) return null;
  const [row] = await handle
    .select({
      id: kbArticles.id,
      title: kbArticles.title,
      slug: kbArticles.slug,
      body: kbArticles.body,
      updatedAt: kbArticles.updatedAt,
      views: kbArticles.views,
      helpfulYes: kbArticles.helpfulYes,
      helpfulNo: kbArticles.helpfulNo,
      categoryId: kbCategories.id,
      categoryName: kbCategories.name,
      categorySlug: kbCategories.slug,
    })
    .from(kbArticles)
    .innerJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .where(eq(kbArticles.id, article.id))
    .limit(1);
  if (!row) return null;
  const { categoryId, categoryName, categorySlug, ...rest } = row;
  return { ...rest, category: { id: categoryId, name: categoryName, slug: categorySlug } };
}

/**
 * "Artículos relacionados": other published articles of the same category, or of any category whose
 * text matches this article's title (Spanish full text, any of its words). Those matching the title
 * best come first, then the same category's most read. One statement.
 */
export async function relatedKbArticles(article: Pick<KbArticle, "id" | "title" | "category">, options: { limit?: number; db?: Executor } = {}): Promise<KbRelated[]> {
  const handle = await executor(options.db);
  // Any word of the title: to_tsquery of the title's lexemes joined with "|" (plainto_tsquery would need all of them).
  const titleQuery = sql`coalesce(nullif(replace(plainto_tsquery('spanish', ${article.title})::text, ' & ', ' | '), '')::tsquery, ''::tsquery)`;
  const titleMatch = sql`${kbSearchDocument} @@ ${titleQuery}`;
  return handle
    .select({ id: kbArticles.id, title: kbArticles.title, slug: kbArticles.slug, categoryName: kbCategories.name })
    .from(kbArticles)
    .innerJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .where(and(eq(kbArticles.published, true), kbCategoryVisible(kbArticles.categoryId), ne(kbArticles.id, article.id), or(eq(kbArticles.categoryId, article.category.id), titleMatch)))
    .orderBy(desc(sql`ts_rank(${kbSearchDocument}, ${titleQuery})`), desc(sql`${kbArticles.categoryId} = ${article.category.id}`), desc(kbArticles.views), asc(kbArticles.id))
    .limit(Math.min(Math.max(options.limit ?? RELATED_ARTICLES, 1), 20));
}

/**
 * Who answers "¿Fue útil la respuesta?": a signed-in contact by its id; a signed-out visitor by the
 * SHA-256 of the random id in its cookie (the cookie's value itself is never stored).
 */
export function kbVoterKey(voter: { contactId: number } | { cookieId: string }): string {
  if ("contactId" in voter) return `contact:${voter.contactId}`;
  return createHash("sha256").update(voter.cookieId, "utf8").digest("hex");
}

export type KbVoteResult = { recorded: boolean; helpfulYes: number; helpfulNo: number };

/**
 * One answer per voter and article: the vote and the article's counters change in one transaction,
 * and a second vote by the same voter (even a concurrent one) changes nothing. Null for an article
 * that does not exist or is not published.
 */
export async function voteOnKbArticle(articleId: number, voterKey: string, helpful: boolean, db?: Executor): Promise<KbVoteResult | null> {
  const handle = await executor(db);
  return handle.transaction(async (tx) => {
    const [article] = await tx
      .select({ id: kbArticles.id, helpfulYes: kbArticles.helpfulYes, helpfulNo: kbArticles.helpfulNo })
      .from(kbArticles)
      .where(and(eq(kbArticles.id, articleId), eq(kbArticles.published, true), kbCategoryVisible(kbArticles.categoryId)))
      .limit(1);
    if (!article) return null;
    const inserted = await tx
      .insert(kbArticleVotes)
      .values({ articleId, voterKey, helpful })
      .onConflictDoNothing()
      .returning({ articleId: kbArticleVotes.articleId });
    if (inserted.length === 0) return { recorded: false, helpfulYes: article.helpfulYes, helpfulNo: article.helpfulNo };
    const [counts] = await tx
      .update(kbArticles)
      .set(helpful ? { helpfulYes: sql`${kbArticles.helpfulYes} + 1` } : { helpfulNo: sql`${kbArticles.helpfulNo} + 1` })
      .where(eq(kbArticles.id, articleId))
      .returning({ helpfulYes: kbArticles.helpfulYes, helpfulNo: kbArticles.helpfulNo });
    return { recorded: true, helpfulYes: counts!.helpfulYes, helpfulNo: counts!.helpfulNo };
  });
}

/** Whether this voter already answered for this article (the page then thanks instead of asking). */
export async function hasVotedOnKbArticle(articleId: number, voterKey: string, db?: Executor): Promise<boolean> {
  const [row] = await (await executor(db))
    .select({ one: sql`1` })
    .from(kbArticleVotes)
    .where(and(eq(kbArticleVotes.articleId, articleId), eq(kbArticleVotes.voterKey, voterKey)))
    .limit(1);
  return row !== undefined;
}

export { kbBlocks, type KbBlock } from "./kb-blocks";
