import Link from "next/link";
import { getTranslations } from "next-intl/server";

// A used, expired or unknown sandbox panel link: a 404 that says why, outside any layout.
export default async function SandboxPanelLinkGone() {
  const t = await getTranslations("hosting.sandboxPanel");
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("expiredTitle")}</h1>
      <p className="mb-6 text-slate-600">{t("expiredBody")}</p>
      <Link href="/" className="font-medium text-brand-700 hover:underline">
        {t("backToPortal")}
      </Link>
    </main>
  );
}
