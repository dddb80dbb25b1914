import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffUser } from "@/lib/staff/staff-session";
import { staffMayAct } from "@/lib/staff/staff-session";

const SECTIONS = [
  { key: "announcements", href: "/admin/contenido/anuncios" },
  { key: "kb", href: "/admin/contenido/conocimiento" },
  { key: "downloads", href: "/admin/contenido/descargas" },
  { key: "servers", href: "/admin/contenido/servidores", adminOnly: true },
  { key: "incidents", href: "/admin/contenido/incidencias" },
] as const;

export type ContentSection = (typeof SECTIONS)[number]["key"];

/** The section's own menu; "Servidores" only for those who may open it. */
export async function ContentNav({ staff, current }: { staff: Pick<StaffUser, "role">; current?: ContentSection }) {
  const t = await getTranslations("adminContent.nav");
  return (
    <nav aria-label={t("label")} className="mb-4 flex flex-wrap gap-2 text-sm">
      {SECTIONS.filter((section) => !("adminOnly" in section) || staffMayAct(staff, ["admin"])).map((section) => (
        <Link
          key={section.key}
          href={section.href}
          aria-current={current === section.key ? "page" : undefined}
          className={`rounded-full border px-3 py-1 ${current === section.key ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
        >
          {t(section.key)}
        </Link>
      ))}
    </nav>
  );
}

export const PRIMARY_LINK = "inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto";
export const SECONDARY_LINK = "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 sm:w-auto";
