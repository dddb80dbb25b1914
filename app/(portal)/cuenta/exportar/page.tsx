import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";

const INCLUDED = ["profile", "contacts", "services", "domains", "invoices", "quotes", "tickets", "emails", "activity"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("records.export");
  return { title: t("title") };
}

/** "Descargar mis datos": what the copy holds, and the link that makes it; for the account owner only. */
export default async function ExportPage() {
  const user = await requireUser();
  if (!user.isOwner) forbidden();
  const t = await getTranslations("records.export");

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-4">
        <section aria-labelledby="export-includes" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="export-includes" className="text-base font-semibold text-slate-900">{t("includesTitle")}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {INCLUDED.map((part) => (
              <li key={part}>{t(`includes.${part}`)}</li>
            ))}
          </ul>
          <h2 className="mt-4 text-base font-semibold text-slate-900">{t("excludedTitle")}</h2>
          <p className="mt-2 text-sm text-slate-700">{t("excluded")}</p>
          <p className="mt-4 text-sm text-slate-600">{t("formatNote")}</p>
        </section>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
          {/* A plain link: the browser shows the download's own progress, and the file is made fresh each time. */}
          <a
            href="/api/cuenta/exportar"
            download
            className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto"
          >
            {t("download")}
          </a>
          <p className="text-sm text-slate-600">{t("auditNote")}</p>
        </div>
      </div>
    </>
  );
}
