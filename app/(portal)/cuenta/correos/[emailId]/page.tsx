import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { PageHeader } from "@/app/_components/page-header";
import { getSentEmail } from "@/lib/account/sent-emails";
import { parseRowId } from "@/lib/row-id";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";

type Params = { emailId: string };

// Shared by generateMetadata and the page so one request reads the message once.
const loadEmail = cache(async (rawId: string) => {
  const user = await requireUser("emails");
  const id = parseRowId(rawId);
  const email = id === null ? null : await getSentEmail(user, id);
  if (!email) notFound();
  return email;
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const email = await loadEmail((await params).emailId);
  return { title: email.subject };
}

/**
 * "Ver mensaje": the heading of the message here, its HTML in a frame with an empty sandbox (no
 * scripts, no forms, no popups, an opaque origin without our cookies), served by a route whose CSP
 * also blocks every remote image, font and stylesheet.
 */
export default async function SentEmailPage({ params }: { params: Promise<Params> }) {
  const email = await loadEmail((await params).emailId);
  const t = await getTranslations("records.emails");
  const locale = await getLocale();
  const details: { label: string; value: React.ReactNode }[] = [
    { label: t("message.date"), value: <time dateTime={email.createdAt.toISOString()}>{formatDateTime(email.createdAt, locale)}</time> },
    { label: t("message.recipient"), value: email.toAddress },
    { label: t("message.subject"), value: email.subject },
  ];

  return (
    <>
      <p className="mb-4 text-sm">
        <Link href="/cuenta/correos" className="font-medium text-brand-700 hover:underline">
          {t("message.back")}
        </Link>
      </p>
      <PageHeader title={email.subject} description={t("message.title")} />
      <section aria-label={t("message.details")} className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-y-2">
          {details.map(({ label, value }) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="mb-2 min-w-0 font-medium break-words text-slate-900 sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-600">{t("message.safety")}</p>
      </section>
      <iframe
        sandbox=""
        src={`/api/cuenta/correos/${email.id}`}
        title={t("message.frameTitle", { subject: email.subject })}
        referrerPolicy="no-referrer"
        className="h-[70vh] min-h-96 w-full rounded-lg border border-slate-200 bg-white shadow-sm"
      />
    </>
  );
}
