import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINKS = [
  { href: "/admin/catalogo", key: "products" },
  { href: "/admin/catalogo/complementos", key: "addons" },
  { href: "/admin/catalogo/dominios", key: "tlds" },
  { href: "/admin/catalogo/promociones", key: "promos" },
] as const;

/** The catalogue's four pages, the current one marked. */
export async function CatalogNav({ current }: { current: (typeof LINKS)[number]["key"] }) {
  const t = await getTranslations("adminCatalog.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-2">
      {LINKS.map((link) => (
        <Link
          key={link.key}
          href={link.href}
          aria-current={link.key === current ? "page" : undefined}
          className={`rounded-full border px-3 py-1 text-sm ${link.key === current ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
        >
          {t(link.key)}
        </Link>
      ))}
    </nav>
  );
}
