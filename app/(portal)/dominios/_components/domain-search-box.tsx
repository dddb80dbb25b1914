import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DOMAIN_SEARCH_MAX } from "@/lib/domains/manage/list-domains";

/** A plain GET form: the text filter travels in the URL (?q=) with the status filter kept. */
export async function DomainSearchBox({ action, search, status, clearHref }: { action: string; search: string; status: string | null; clearHref: string }) {
  const t = await getTranslations("domainManage.list.search");
  return (
    <form method="get" action={action} role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
      {status && <input type="hidden" name="estado" value={status} />}
      <div className="min-w-0 flex-1 sm:max-w-sm">
        <label htmlFor="domain-search" className="block text-sm font-medium text-slate-700">
          {t("label")}
        </label>
        <input
          id="domain-search"
          name="q"
          type="search"
          defaultValue={search}
          maxLength={DOMAIN_SEARCH_MAX}
          placeholder={t("placeholder")}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none"
        />
      </div>
      <div className="flex gap-2">
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 sm:h-[2.625rem]">
          {t("submit")}
        </button>
        {search && (
          <Link href={clearHref} className="self-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
