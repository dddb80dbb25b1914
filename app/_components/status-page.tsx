import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * A 403 or 404 page: title, one line and the way home, from the `title`, `body` and `home` messages
 * of `namespace`. A <div> by default, for pages rendered inside the portal layout, whose <main>
 * already surrounds them (one main landmark per page); a page outside any layout asks for a <main>.
 */
export async function StatusPage({ namespace, as: Wrapper = "div" }: { namespace: "common.forbidden" | "common.notFound" | "hosting.linkGone"; as?: "div" | "main" }) {
  const t = await getTranslations(namespace);
  return (
    <Wrapper className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-slate-600">{t("body")}</p>
      <Link href="/" className="font-medium text-brand-700 hover:underline">
        {t("home")}
      </Link>
    </Wrapper>
  );
}
