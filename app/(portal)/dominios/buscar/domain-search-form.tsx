import { getTranslations } from "next-intl/server";
import { Field } from "@/app/_components/field";
import type { DomainSearchAction } from "@/lib/domains/search-domains";

const ACTIONS: { value: string; action: DomainSearchAction }[] = [
  { value: "registrar", action: "register" },
  { value: "transferir", action: "transfer" },
];

/** A plain GET form like the dashboard's box, so a search is a link that can be shared and works without JavaScript. */
export async function DomainSearchForm({ defaultValue, action, error }: { defaultValue: string; action: DomainSearchAction; error?: string }) {
  const t = await getTranslations("domains.search.form");
  return (
    <form action="/dominios/buscar" method="get" role="search" className="space-y-4">
      <Field name="dominio" label={t("label")} hint={t("hint")} defaultValue={defaultValue} error={error} inputMode="url" autoComplete="off" required />
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("action")}</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {ACTIONS.map((option) => (
              <label key={option.value} className="inline-flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="radio"
                  name="accion"
                  value={option.value}
                  defaultChecked={option.action === action}
                  className="h-4 w-4 border-slate-300 text-brand-600 focus:ring-brand-600"
                />
                {t(option.action)}
              </label>
            ))}
          </div>
        </fieldset>
        <button
          type="submit"
          className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-6 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto"
        >
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
