import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Inside the portal layout, whose <main> already surrounds it; app/not-found.tsx serves other paths.
export default async function PortalNotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-600">{t("body")}</p>
      <Link href="/" className="font-medium text-brand-700 hover:underline">
        {t("home")}
      </Link>
    </div>
  );
}
