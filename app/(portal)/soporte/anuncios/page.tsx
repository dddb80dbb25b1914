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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("support.announcements");
  return { title: t("title") };
}

export default async function AnnouncementsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  await requireUser();
  const { cursor } = await searchParams;
  const page = await listAnnouncements({ cursor: typeof cursor === "string" ? cursor : undefined, limit: PAGE_SIZE });
  const t = await getTranslations("support.announcements");
  const locale = await getLocale();

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
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
