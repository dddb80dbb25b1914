import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { kbArticles, kbCategories } from "@/db/schema";
import { kbCategoryVisible } from "./kb-visibility";

/** The document the GIN index "kb_articles_search" is built on: queries must use exactly this expression. */
export const kbSearchDocument = sql`(setweight(to_tsvector('spanish', ${kbArticles.title}), 'A') || setweight(to_tsvector('spanish', ${kbArticles.body}), 'B'))`;

export type KbSearchHit = { id: number; title: string; slug: string; categoryName: string; categorySlug: string; excerpt: string };

const MAX_QUERY_LENGTH = 200;
export const EXCERPT_LENGTH = 180;

/**
 * Published articles matching what a person typed, best first: Spanish stemming ("correos" finds
 * "correo"), a word in the title weighing more than one in the body. The text goes through
 * websearch_to_tsquery, which accepts anything a person types without a syntax error.
 */
export async function searchKnowledgeBase(query: string, options: { limit?: number; db?: Executor } = {}): Promise<KbSearchHit[]> {
  const text = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (text.length < 2) return [];
  const db = options.db ?? (await getDb());
  const tsQuery = sql`websearch_to_tsquery('spanish', ${text})`;
  const rows = await db
    .select({
      id: kbArticles.id,
      title: kbArticles.title,
      slug: kbArticles.slug,
      categoryName: kbCategories.name,
      categorySlug: kbCategories.slug,
      bodyStart: sql<string>`left(${kbArticles.body}, ${EXCERPT_LENGTH + 1}::integer)`,
    })
    .from(kbArticles)
    .innerJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .where(and(eq(kbArticles.published, true), kbCategoryVisible(kbArticles.categoryId), sql`${kbSearchDocument} @@ ${tsQuery}`))
    .orderBy(desc(sql`ts_rank(${kbSearchDocument}, ${tsQuery})`), desc(kbArticles.id))
    .limit(Math.min(Math.max(options.limit ?? 5, 1), 20));
  return rows.map(({ bodyStart, ...row }) => ({ ...row, excerpt: excerptOf(bodyStart) }));
}

/** The start of a body (EXCERPT_LENGTH + 1 characters) as one line, cut at a word when longer. */
export function excerptOf(bodyStart: string): string {
  const flat = bodyStart.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
