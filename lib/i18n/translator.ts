import { createTranslator } from "next-intl";
import { catalogs } from "./messages";
import { toLocale, type Locale } from "./locales";

/** Translations outside a request (emails, PDFs, scripts). */
export function translatorFor(locale: Locale | string | null | undefined) {
  const resolved = toLocale(locale);
  return createTranslator({ locale: resolved, messages: catalogs[resolved] });
}
