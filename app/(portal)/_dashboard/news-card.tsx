import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { formatDate } from "@/lib/i18n/format";
import type { DashboardAnnouncement } from "@/lib/support/dashboard-part";
import { textLink } from "./styles";

export async function NewsCard({
  items,
  announcementHref,
  listHref,
}: {
  items: DashboardAnnouncement[];
  announcementHref: (slug: string) => string;
  listHref?: string;
}) {
  const t = await getTranslations("dashboard.news");
  const locale = await getLocale();
  return (
    <Card title={t("title")} titleId="noticias-recientes">
      {items.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <ul className="space-y-4">
          {items.map((item) => (
            <li key={item.id}>
              <article>
                <h3 className="font-medium">
                  <Link href={announcementHref(item.slug)} className={textLink}>
                    {item.title}
                  </Link>
                </h3>
                <p className="text-xs text-slate-500">
                  <time dateTime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt, locale)}</time>
                </p>
                {item.summary && <p className="mt-1 line-clamp-3 text-sm text-slate-700">{item.summary}</p>}
              </article>
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && listHref && (
        <p className="mt-4 text-sm">
          <Link href={listHref} className={textLink}>
            {t("viewAll")}
          </Link>
        </p>
      )}
    </Card>
  );
}
