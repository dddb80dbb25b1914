import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listHref, type ListQuery } from "./list-href";

type Cursors = { previousCursor: string | null; nextCursor: string | null };

/**
 * Previous/next links of a keyset-paginated list: the page's cursors on the list's `path`, with the
 * `query` the list was opened with (filter, sort) kept in both links.
 */
export async function Pagination({ page, path, query = {} }: { page: Cursors; path: string; query?: ListQuery }) {
  if (!page.previousCursor && !page.nextCursor) return null;
  const t = await getTranslations("common.pagination");
  const hrefFor = (cursor: string) => listHref(path, { ...query, cursor });
  const style = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="mt-4 flex justify-between gap-2">
      {page.previousCursor ? <Link href={hrefFor(page.previousCursor)} className={style}>{t("previous")}</Link> : <span />}
      {page.nextCursor ? <Link href={hrefFor(page.nextCursor)} className={style}>{t("next")}</Link> : <span />}
    </nav>
  );
}
