import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { formatDate } from "@/lib/i18n/format";
import type { DashboardFile } from "@/lib/files/dashboard-part";
import { formatFileSize } from "./format-size";
import { textLink } from "./styles";

/** Files staff attached to the account; each name downloads through the ownership-checked route. */
export async function ClientFilesCard({ items, fileHref }: { items: DashboardFile[]; fileHref: (id: number) => string }) {
  const t = await getTranslations("dashboard.files");
  const locale = await getLocale();
  return (
    <Card title={t("title")} titleId="archivos-adjuntos">
      {items.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
          <ul className="space-y-3">
            {items.map((file) => (
              <li key={file.id} className="min-w-0">
                {/* A route handler, not a page: a plain anchor, so the client router does not try to render it. */}
                <a href={fileHref(file.id)} download={file.fileName} className={textLink}>
                  {file.title}
                </a>
                <p className="text-sm text-slate-600">
                  {t("details", { fileName: file.fileName, size: formatFileSize(file.sizeBytes, locale), date: formatDate(file.createdAt, locale) })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
