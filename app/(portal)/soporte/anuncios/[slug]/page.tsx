import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { getAnnouncementBySlug } from "@/lib/support/announcements";
import { AnnouncementBody } from "../../_components/announcement-body";
import { BackLink } from "../../_components/back-link";

type Params = { slug: string };

// Shared by generateMetadata and the page so one request reads the announcement once.
const loadAnnouncement = cache(async (rawSlug: string) => {
  await requireUser();
  const announcement = await getAnnouncementBySlug(decodeSlug(rawSlug));
  if (!announcement) notFound();
  return announcement;
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const announcement = await loadAnnouncement((await params).slug);
  return { title: announcement.title };
}

export default async function AnnouncementPage({ params }: { params: Promise<Params> }) {
  const announcement = await loadAnnouncement((await params).slug);
  const t = await getTranslations("support.announcements");
  const locale = await getLocale();

  return (
    <>
      <BackLink href="/soporte/anuncios" label={t("back")} />
      <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <header className="mb-4">
          <h1 className="text-2xl font-bold text-slate-900">{announcement.title}</h1>
          <p className="mt-1 text-sm text-slate-600">
            <time dateTime={announcement.publishedAt.toISOString()}>{t("publishedOn", { date: formatDate(announcement.publishedAt, locale) })}</time>
          </p>
        </header>
        <AnnouncementBody body={announcement.body} />
      </article>
    </>
  );
}

// Next hands dynamic segments over still percent-encoded in some cases; a bad escape is simply not found.
function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}
