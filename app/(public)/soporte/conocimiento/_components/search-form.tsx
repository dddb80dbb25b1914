import { getTranslations } from "next-intl/server";

/** A plain GET form: the results page works without JavaScript and its address can be shared. */
export async function KbSearchForm({ query = "" }: { query?: string }) {
  const t = await getTranslations("knowledge.search");
  return (
    <form role="search" action="/soporte/conocimiento" method="get" className="mb-6 flex flex-col gap-2 sm:flex-row">
      <label htmlFor="kb-q" className="sr-only">
        {t("label")}
      </label>
      <input
        id="kb-q"
        name="q"
        type="search"
        defaultValue={query}
        maxLength={200}
        placeholder={t("placeholder")}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600"
      />
      <button type="submit" className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700">
        {t("submit")}
      </button>
    </form>
  );
}
