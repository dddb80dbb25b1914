import { formatMoney } from "@/lib/money";
import { LOCALE_TAGS, toLocale } from "./locales";

/** Dates in the database are 'YYYY-MM-DD' strings or Date; shown in the customer's language, Madrid time. */
export function formatDate(value: string | Date, locale: string): string {
  const date = typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(LOCALE_TAGS[toLocale(locale)], { dateStyle: "medium", timeZone: "Europe/Madrid" }).format(date);
}

export function formatDateTime(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[toLocale(locale)], { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Madrid" }).format(value);
}

export function formatAmount(amount: number, currency: string, locale: string): string {
  return formatMoney(amount, currency, LOCALE_TAGS[toLocale(locale)]);
}
