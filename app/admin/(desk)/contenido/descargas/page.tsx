import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFileSize } from "@/app/(portal)/_dashboard/format-size";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { env } from "@/lib/env";
import { listStaffDownloads } from "@/lib/staff/content/content-desk";
import { requireStaff } from "@/lib/staff/staff-session";
import { ContentNav, SECONDARY_LINK } from "../_components/content-nav";
import { RemoveDownloadButton, UploadDownloadForm } from "../_components/download-forms";
import { CONTENT_ROLES } from "../roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminContent.downloads");
  return { title: t("title") };
}

export default async function StaffDownloadsPage() {
  const staff = await requireStaff(CONTENT_ROLES);
  const [categories, t, locale] = await Promise.all([listStaffDownloads(staff.scope), getTranslations("adminContent.downloads"), getLocale()]);
  const maxMb = Math.floor(env.FILE_MAX_BYTES / (1024 * 1024));
  const fileCount = categories.reduce((sum, category) => sum + category.files.length, 0);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/contenido/descargas/categorias" className={SECONDARY_LINK}>
            {t("categories")}
          </Link>
        }
      />
      <ContentNav staff={staff} current="downloads" />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-label={t("files")} className="min-w-0 space-y-4">
          {fileCount === 0 ? (
            <EmptyState message={t("empty")} />
          ) : (
            categories
              .filter((category) => category.files.length > 0)
              .map((category) => (
                <div key={category.id} className="min-w-0">
                  <h2 className="mb-2 text-lg font-semibold break-words">{category.name}</h2>
                  <ul className="space-y-3">
                    {category.files.map((file) => (
                      <li key={file.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-semibold break-words">{file.title}</span>
                          <StatusBadge label={file.restricted ? t("visibility.product") : file.clientsOnly ? t("visibility.clients") : t("visibility.public")} tone={file.clientsOnly || file.restricted ? "blue" : "green"} />
                        </div>
                        <p className="mt-1 text-sm break-all text-slate-600">
                          {file.fileName} · {formatFileSize(file.sizeBytes, locale)} · {t("downloadCount", { count: file.downloadCount })}
                        </p>
                        {file.description && <p className="mt-1 text-sm break-words text-slate-700">{file.description}</p>}
                        <div className="mt-2">
                          <RemoveDownloadButton id={file.id} title={file.title} />
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              ))
          )}
        </section>
        <section aria-labelledby="upload-download" className="min-w-0">
          <h2 id="upload-download" className="mb-3 text-lg font-semibold">
            {t("upload")}
          </h2>
          {categories.length === 0 ? (
            <EmptyState
              message={t("needCategory")}
              action={
                <Link href="/admin/contenido/descargas/categorias" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {t("categories")}
                </Link>
              }
            />
          ) : (
            <UploadDownloadForm categories={categories} hint={t("fileHint", { mb: maxMb })} />
          )}
        </section>
      </div>
    </>
  );
}
