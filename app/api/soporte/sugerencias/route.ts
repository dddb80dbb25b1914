import { searchKnowledgeBase } from "@/lib/support/knowledge-base-search";

const SUGGESTIONS = 5;

/**
 * Knowledge-base articles matching what the customer is typing as a ticket subject. The knowledge
 * base is public, so this needs no session; it returns only published articles' titles and links.
 */
export async function GET(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams.get("q") ?? "";
  const hits = await searchKnowledgeBase(query, { limit: SUGGESTIONS });
  const articles = hits.map((hit) => ({
    id: hit.id,
    title: hit.title,
    categoryName: hit.categoryName,
    excerpt: hit.excerpt,
    href: `/soporte/conocimiento/${encodeURIComponent(hit.categorySlug)}/${encodeURIComponent(hit.slug)}`,
  }));
  return Response.json({ articles }, { headers: { "Cache-Control": "private, max-age=60", "X-Content-Type-Options": "nosniff" } });
}
