import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { contentCounts } from "@/lib/staff/content/content-desk";
import { requireStaff, staffMayAct } from "@/lib/staff/staff-session";
import { ContentNav } from "./_components/content-nav";
import { CONTENT_ROLES } from "./roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent");
  return { title: t("meta.title") };
}

/** "Contenido": what customers read under Soporte, kept by support staff and admins (billing: 403). */
export default async function ContentOverviewPage() {
  const staff = await requireStaff(CONTENT_ROLES);
  const [counts, t] = await Promise.all([contentCounts(staff.scope), getTranslations("adminContent")]);
  const cards = [
    { href: "/admin/contenido/anuncios", title: t("nav.announcements"), text: t("overview.announcements", { count: counts.announcements }) },
    { href: "/admin/contenido/conocimiento", title: t("nav.kb"), text: t("overview.articles", { count: counts.articles }) },
    { href: "/admin/contenido/descargas", title: t("nav.downloads"), text: t("overview.downloads", { count: counts.downloads }) },
    ...(staffMayAct(staff, ["admin"]) ? [{ href: "/admin/contenido/servidores", title: t("nav.servers"), text: t("overview.servers", { count: counts.servers }) }] : []),
    { href: "/admin/contenido/incidencias", title: t("nav.incidents"), text: t("overview.incidents", { count: counts.openIncidents }) },
  ];
  return (
    <>
      <PageHeader title={t("meta.title")} description={t("overview.description")} />
      <ContentNav staff={staff} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {cards.map((card) => (
          <li key={card.href}>
            <Link href={card.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300">
              <span className="block font-semibold text-brand-700">{card.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{card.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
