import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { BackLink } from "@/app/(portal)/soporte/_components/back-link";
import { formatDate } from "@/lib/i18n/format";
import { currentKbVoterKey } from "@/lib/support/kb-voter";
import { getKbArticle, hasVotedOnKbArticle, relatedKbArticles } from "@/lib/support/knowledge-base";
import { KbArticleBody } from "../_components/kb-article-body";
import { decodeSegment, kbArticleHref, kbCategoryHref } from "../_components/links";
import { VoteForm } from "./vote-form";

// Shared by generateMetadata and the page so one request reads (and counts) the article once.
const loadArticle = cache(async (rawSlug: string) => {
  const article = await getKbArticle(decodeSegment(rawSlug), { countView: true });
  if (!article) notFound();
  return article;
});

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await loadArticle((await params).slug)).title };
}

/** An article: its text (a small plain-text subset, never HTML), "¿Fue útil la respuesta?" and related articles. Public. */
export default async function KbArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const article = await loadArticle((await params).slug);
  const [t, locale, voterKey, related] = await Promise.all([
    getTranslations("knowledge"),
    getLocale(),
    currentKbVoterKey({ create: false }),
    relatedKbArticles(article),
  ]);
  const voted = voterKey !== null && (await hasVotedOnKbArticle(article.id, voterKey));

  return (
    <>
      <BackLink href={kbCategoryHref(article.category.slug)} label={t("article.backTo", { category: article.category.name })} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <article className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 lg:col-span-2">
          <header className="mb-4">
            <h1 className="text-2xl font-bold text-slate-900">{article.title}</h1>
            <p className="mt-1 text-sm text-slate-600">
              <time dateTime={article.updatedAt.toISOString()}>{t("article.updatedOn", { date: formatDate(article.updatedAt, locale) })}</time>
            </p>
          </header>
          <KbArticleBody body={article.body} />
          <footer className="mt-6 border-t border-slate-100 pt-4">
            <p className="text-sm text-slate-700" data-testid="kb-helpful-count">
              {t("article.helpfulCount", { count: article.helpfulYes })}
            </p>
            <VoteForm articleId={article.id} voted={voted} />
          </footer>
        </article>
        <aside aria-labelledby="kb-relacionados" className="min-w-0">
          <h2 id="kb-relacionados" className="mb-3 text-base font-semibold text-slate-900">
            {t("article.related")}
          </h2>
          {related.length === 0 ? (
            <p className="text-sm text-slate-600">{t("article.noRelated")}</p>
          ) : (
            <ul className="space-y-2">
              {related.map((item) => (
                <li key={item.id} className="text-sm">
                  <Link href={kbArticleHref(item.slug)} className="font-medium text-brand-700 hover:underline">
                    {item.title}
                  </Link>
                  <span className="block text-xs text-slate-600">{item.categoryName}</span>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  );
}
