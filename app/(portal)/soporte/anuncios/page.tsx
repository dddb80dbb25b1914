import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { listAnnouncements } from "@/lib/support/announcements";

const PAGE_SIZE = 10;
const FEED_PATH = "/soporte/anuncios/feed.xml";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("support.announcements");
  const k = await getTranslations("knowledge.feed");
  return { title: t("title"), alternates: { types: { "application/atom+xml": [{ url: FEED_PATH, title: k("title") }] } } };
}

export default async function AnnouncementsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  await requireUser();
  const { cursor } = await searchParams;
  const page = await listAnnouncements({ cursor: typeof cursor === "string" ? cursor : undefined, limit: PAGE_SIZE });
  const t = await getTranslations("support.announcements");
  const locale = await getLocale();
  const k = await getTranslations("knowledge.feed");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a href={FEED_PATH} type="application/atom+xml" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
            {k("subscribe")}
          </a>
        }
      />
      {page.rows.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <ul className="space-y-4">
          {page.rows.map((announcement) => (
            <li key={announcement.id}>
              <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h2 className="text-lg font-semibold">
                  <Link href={`/soporte/anuncios/${encodeURIComponent(announcement.slug)}`} className="text-brand-700 hover:underline">
                    {announcement.title}
                  </Link>
                </h2>
                <p className="mt-1 text-xs text-slate-600">
                  <time dateTime={announcement.publishedAt.toISOString()}>
                    {t("publishedOn", { date: formatDate(announcement.publishedAt, locale) })}
                  </time>
                </p>
                {announcement.summary && <p className="mt-2 text-sm text-slate-700">{announcement.summary}</p>}
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} path="/soporte/anuncios" />
    </>
  );
}
