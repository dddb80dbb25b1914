import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { catalogs } from "@/lib/i18n/messages";

/**
 * Stands in for "next-intl/server" in tests that call route handlers, pages and actions directly: its real functions run
 * only inside Next's server runtime (the react-server condition), where lib/i18n/request.ts resolves
 * the locale from the request. Use with
 *   vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));
 * and pick the request's language with setTestRequestLocale.
 */
let requestLocale: Locale = DEFAULT_LOCALE;

export function setTestRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

export async function getLocale(): Promise<Locale> {
  return requestLocale;
}

/** The page's translations, in the request's language, as next-intl's server function gives them. */
export async function getTranslations(namespace?: string) {
  return createTranslator({ locale: requestLocale, messages: catalogs[requestLocale], namespace: namespace as never });
}
