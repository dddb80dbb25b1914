import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous/next links for keyset-paginated lists; the page passes the cursors it computed. */
export async function Pagination({ previousHref, nextHref }: { previousHref?: string; nextHref?: string }) {
  if (!previousHref && !nextHref) return null;
  const t = await getTranslations("common.pagination");
  const style = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="mt-4 flex justify-between gap-2">
      {previousHref ? <Link href={previousHref} className={style}>{t("previous")}</Link> : <span />}
      {nextHref ? <Link href={nextHref} className={style}>{t("next")}</Link> : <span />}
    </nav>
  );
}
