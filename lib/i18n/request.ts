import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "./messages";
import { LOCALE_COOKIE, toLocale } from "./locales";

// No locale in the URL: the portal's paths are Spanish; the language is a cookie (and the client's preference).
export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = toLocale(store.get(LOCALE_COOKIE)?.value);
  return { locale, messages: catalogs[locale], timeZone: "Europe/Madrid" };
});
