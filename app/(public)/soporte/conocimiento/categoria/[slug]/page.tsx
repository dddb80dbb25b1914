import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { getKbCategory } from "@/lib/support/knowledge-base";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { ArticleList } from "../../_components/article-list";
import { decodeSegment, KB_PATH } from "../../_components/links";
import { KbSearchForm } from "../../_components/search-form";

const loadCategory = cache(async (rawSlug: string) => {
  const found = await getKbCategory(decodeSegment(rawSlug));
  if (!found) notFound();
  return found;
});

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await loadCategory((await params).slug)).category.name };
}

export default async function KbCategoryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { category, articles } = await loadCategory((await params).slug);
  const t = await getTranslations("knowledge");
  return (
    <>
      <BackLink href={KB_PATH} label={t("back")} />
      <PageHeader title={category.name} description={category.description ?? undefined} />
      <KbSearchForm />
      {articles.length === 0 ? (
        <EmptyState message={t("emptyCategory")} />
      ) : (
        <ArticleList
          headingLevel="h2"
          items={articles.map((article) => ({ ...article, footnote: article.helpfulYes > 0 ? t("article.helpfulCount", { count: article.helpfulYes }) : undefined }))}
        />
      )}
    </>
  );
}
