import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireStaff } from "@/lib/staff/staff-session";
import { getDeskOptions } from "@/lib/staff/ticket-desk";
import { CannedReplyForm, DeleteCannedReplyButton } from "./canned-reply-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.canned");
  return { title: t("title") };
}

/** Administrators keep the canned replies; support and billing get 403 here and on the actions. */
export default async function CannedRepliesPage() {
  const staff = await requireStaff(["admin"]);
  const { cannedReplies } = await getDeskOptions(staff.scope);
  const t = await getTranslations("admin.canned");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-label={t("title")} className="min-w-0">
          {cannedReplies.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <ul className="space-y-3">
              {cannedReplies.map((reply) => (
                <li key={reply.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                  <h2 className="font-semibold break-words">{reply.title}</h2>
                  <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-700">{reply.body}</p>
                  <div className="mt-2">
                    <DeleteCannedReplyButton id={reply.id} label={t("delete", { title: reply.title })} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <CannedReplyForm />
      </div>
    </>
  );
}
