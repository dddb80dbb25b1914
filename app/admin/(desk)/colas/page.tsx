import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { queueCounts } from "@/lib/staff/queues/queue-lists";
import { requireStaff } from "@/lib/staff/staff-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminQueues.meta");
  return { title: t("title") };
}

/** Both queues at a glance, for every member of staff. */
export default async function StaffQueuesPage() {
  const staff = await requireStaff();
  const counts = await queueCounts(staff.scope);
  const t = await getTranslations("adminQueues.overview");
  const queues = [
    { href: "/admin/colas/cancelaciones", title: t("cancellations"), hint: t("cancellationsHint"), count: counts.cancellations },
    { href: "/admin/colas/aprovisionamiento", title: t("provisioning"), hint: t("provisioningHint"), count: counts.provisioning },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {queues.map((queue) => (
          <li key={queue.href} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="text-base font-semibold text-slate-900">
              <Link href={queue.href} className="text-brand-700 underline-offset-2 hover:underline">
                {queue.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{queue.hint}</p>
            <p className="mt-3 text-2xl font-bold text-slate-900" data-testid={`count-${queue.href.split("/").pop()}`}>
              {t("count", { count: queue.count })}
            </p>
            <Link href={queue.href} className="mt-3 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("open")}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
