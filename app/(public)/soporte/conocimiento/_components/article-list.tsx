import Link from "next/link";
import { kbArticleHref } from "./links";

export type ArticleListItem = { id: number; slug: string; title: string; excerpt: string; meta?: string; footnote?: string };

/** Articles as cards: the title links to the article, then its category or count and the start of its text. */
export function ArticleList({ items, headingLevel }: { items: ArticleListItem[]; headingLevel: "h2" | "h3" }) {
  const Heading = headingLevel;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <Heading className="font-semibold">
            <Link href={kbArticleHref(item.slug)} className="text-brand-700 hover:underline">
              {item.title}
            </Link>
          </Heading>
          {item.meta && <p className="mt-1 text-xs text-slate-600">{item.meta}</p>}
          <p className="mt-2 text-sm text-slate-700">{item.excerpt}</p>
          {item.footnote && <p className="mt-1 text-xs text-slate-600">{item.footnote}</p>}
        </li>
      ))}
    </ul>
  );
}
