import { LOCALE_TAGS, toLocale } from "@/lib/i18n/locales";

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/** 1536 -> "1,5 kB" in Spanish; Intl supplies the unit names, so no catalog entry is needed. */
export function formatFileSize(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALE_TAGS[toLocale(locale)], {
    style: "unit",
    unit: UNITS[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
