import { countryName } from "@/lib/account/countries";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { LOCALE_TAGS, toLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/** Everything a PDF component needs to turn values into the reader's language, built once per render. */
export type PdfFormatter = {
  locale: Locale;
  t: ReturnType<typeof translatorFor>;
  money: (amount: number) => string;
  date: (value: string | Date) => string;
  percent: (rateBp: number) => string;
  country: (code: string) => string;
};

const percentFormats = new Map<Locale, Intl.NumberFormat>();

function percentFormat(locale: Locale): Intl.NumberFormat {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAGS[locale], { style: "percent", maximumFractionDigits: 2 });
    percentFormats.set(locale, format);
  }
  return format;
}

export function createPdfFormatter(locale: string, currency: string): PdfFormatter {
  const resolved = toLocale(locale);
  return {
    locale: resolved,
    t: translatorFor(resolved),
    money: (amount) => formatAmount(amount, currency, resolved),
    date: (value) => formatDate(value, resolved),
    percent: (rateBp) => percentFormat(resolved).format(rateBp / 10_000),
    country: (code) => countryName(code, resolved),
  };
}
