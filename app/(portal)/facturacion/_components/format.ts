import { LOCALE_TAGS, toLocale } from "@/lib/i18n/locales";

/** "21 %" from basis points, in the reader's language. */
export function formatRate(rateBp: number, locale: string): string {
  return new Intl.NumberFormat(LOCALE_TAGS[toLocale(locale)], { style: "percent", maximumFractionDigits: 2 }).format(rateBp / 10_000);
}

/** Country codes are stored (ISO 3166); the name comes from the runtime's own data, in the reader's language. */
export function countryName(code: string, locale: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([LOCALE_TAGS[toLocale(locale)]], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
