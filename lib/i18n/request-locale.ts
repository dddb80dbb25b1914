import { getLocale } from "next-intl/server";
import { toLocale, type Locale } from "./locales";
import { translatorFor } from "./translator";

/**
 * The language of the current request, as next-intl resolved it (lib/i18n/request.ts): the same for
 * pages, server actions and route handlers, so no route reads the locale cookie by hand.
 */
export async function getRequestLocale(): Promise<Locale> {
  return toLocale(await getLocale());
}

/** A translator in the request's language, for route handlers that answer with plain text. */
export async function getRequestTranslator() {
  return translatorFor(await getRequestLocale());
}
