// Rendered inside the portal layout (a permission check failed there), whose <main> already surrounds it.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("common.forbidden");
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
