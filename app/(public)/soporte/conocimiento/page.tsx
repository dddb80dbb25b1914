import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listKbCategories } from "@/lib/support/knowledge-base";
import { searchKnowledgeBase } from "@/lib/support/knowledge-base-search";
import { ArticleList } from "./_components/article-list";
import { kbCategoryHref } from "./_components/links";
import { KbSearchForm } from "./_components/search-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge");
  return { title: t("title") };
}

/** "Base de conocimientos" (§7.3): the categories with their article counts, or the results of a search. Public. */
export default async function KnowledgeBasePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.trim().slice(0, 200) : "";
  const t = await getTranslations("knowledge");

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <KbSearchForm query={query} />
      {query ? <SearchResults query={query} /> : <Categories />}
    </>
  );
}

async function Categories() {
  const t = await getTranslations("knowledge");
  const categories = await listKbCategories();
  if (categories.length === 0) return <EmptyState message={t("emptyCategories")} />;
  return (
    <section aria-labelledby="kb-categorias">
      <h2 id="kb-categorias" className="mb-3 text-lg font-semibold text-slate-900">
        {t("categories")}
      </h2>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {categories.map((category) => (
          <li key={category.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h3 className="font-semibold">
              <Link href={kbCategoryHref(category.slug)} className="text-brand-700 hover:underline">
                {category.name}
              </Link>{" "}
              <span className="text-sm font-normal text-slate-600">({t("articleCount", { count: category.articleCount })})</span>
            </h3>
            {category.description && <p className="mt-1 text-sm text-slate-700">{category.description}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

async function SearchResults({ query }: { query: string }) {
  const t = await getTranslations("knowledge.search");
  const hits = await searchKnowledgeBase(query, { limit: 20 });
  return (
    <section aria-labelledby="kb-resultados">
      <h2 id="kb-resultados" className="mb-3 text-lg font-semibold text-slate-900">
        {t("results", { query, count: hits.length })}
      </h2>
      {hits.length === 0 ? (
        <EmptyState message={t("noResults")} />
      ) : (
        <ArticleList headingLevel="h3" items={hits.map((hit) => ({ ...hit, meta: hit.categoryName }))} />
      )}
      <p className="mt-4 text-sm">
        <Link href="/soporte/conocimiento" className="font-medium text-brand-700 hover:underline">
          {t("allCategories")}
        </Link>
      </p>
    </section>
  );
}
