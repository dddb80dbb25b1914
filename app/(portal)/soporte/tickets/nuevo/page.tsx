import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFileSize } from "@/app/(portal)/_dashboard/format-size";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { parseRowId } from "@/lib/row-id";
import { getSupportSettings } from "@/lib/settings/get-settings";
import { listRelatedOptions, listTicketDepartments } from "@/lib/support/open-ticket";
import { BackLink } from "../../_components/back-link";
import { OpenTicketForm } from "./open-ticket-form";

const PATH = "/soporte/tickets/nuevo";

type SearchParams = { departamento?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("support.open");
  return { title: t("title") };
}

/** "Abrir ticket" (§8): first the department, then the form for it. */
export default async function OpenTicketPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("tickets");
  const { departamento } = await searchParams;
  const t = await getTranslations("support.open");
  const departments = await listTicketDepartments(user);
  const chosenId = typeof departamento === "string" ? parseRowId(departamento) : null;
  const department = departments.find((candidate) => candidate.id === chosenId);

  if (!department) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        {departments.length === 0 ? (
          <EmptyState message={t("noDepartments")} />
        ) : (
          <ul aria-label={t("departmentsLabel")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {departments.map((candidate) => (
              <li key={candidate.id}>
                <Link
                  href={`${PATH}?departamento=${candidate.id}`}
                  aria-label={t("chooseDepartment", { name: candidate.name })}
                  className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  <span className="block font-semibold text-brand-700">{candidate.name}</span>
                  {candidate.description && <span className="mt-1 block text-sm text-slate-600">{candidate.description}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  const [related, settings, locale] = await Promise.all([listRelatedOptions(user.scope), getSupportSettings(), getLocale()]);
  return (
    <>
      <BackLink href={PATH} label={t("changeDepartment")} />
      <PageHeader title={t("title")} description={t("formDescription", { department: department.name })} />
      <OpenTicketForm
        departmentId={department.id}
        related={related}
        attachmentsHint={
          settings.attachmentMaxCount > 0
            ? t("attachmentsHint", {
                count: settings.attachmentMaxCount,
                size: formatFileSize(settings.attachmentMaxBytes, locale),
                types: settings.attachmentKinds.map((kind) => kind.toUpperCase()).join(", "),
              })
            : null
        }
      />
    </>
  );
}
