import { getLocale, getTranslations } from "next-intl/server";
import { LOCALES } from "@/lib/i18n/locales";
import { changeLocale } from "./locale-actions";

/** A plain form per language, so switching works without JavaScript too. */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("common.locale");
  return (
    <div className="flex items-center gap-1 text-sm" role="group" aria-label={t("label")}>
      {LOCALES.map((option) => (
        <form key={option} action={changeLocale}>
          <input type="hidden" name="locale" value={option} />
          <button
            type="submit"
            lang={option}
            aria-pressed={option === locale}
            className={`rounded px-2 py-1 ${option === locale ? "bg-brand-100 font-semibold text-brand-800" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {t(option)}
          </button>
        </form>
      ))}
    </div>
  );
}
