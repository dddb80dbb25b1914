import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFileSize } from "@/app/(portal)/_dashboard/format-size";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { getSessionUser } from "@/lib/auth/session";
import { listDownloads } from "@/lib/support/downloads";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("knowledge.downloads");
  return { title: t("title") };
}

/** "Descargas" (§7.4): public files for everyone; clients also see theirs and those of the products they have. */
export default async function DownloadsPage() {
  const user = await getSessionUser();
  const [t, locale, categories] = await Promise.all([getTranslations("knowledge.downloads"), getLocale(), listDownloads(user?.scope ?? null)]);
  return (
    <>
      <PageHeader title={t("title")} description={user ? t("description") : t("descriptionSignedOut")} />
      {categories.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <div className="space-y-6">
          {categories.map((category) => (
            <section key={category.id} aria-labelledby={`descargas-${category.id}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
              <div className="border-b border-slate-100 px-4 py-3">
                <h2 id={`descargas-${category.id}`} className="text-base font-semibold text-slate-900">
                  {category.name}
                </h2>
                {category.description && <p className="mt-1 text-sm text-slate-600">{category.description}</p>}
              </div>
              <ul className="divide-y divide-slate-100">
                {category.files.map((file) => (
                  <li key={file.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <p className="font-medium">
                        <a href={`/api/descargas/${file.id}`} className="break-words text-brand-700 hover:underline" download>
                          {file.title}
                        </a>{" "}
                        {file.restricted ? <StatusBadge label={t("forYourProduct")} tone="blue" /> : file.clientsOnly ? <StatusBadge label={t("clientsOnly")} tone="slate" /> : null}
                      </p>
                      {file.description && <p className="text-sm text-slate-700">{file.description}</p>}
                      <p className="text-xs text-slate-600">
                        {t("meta", { fileName: file.fileName, size: formatFileSize(file.sizeBytes, locale), count: file.downloadCount })}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
