import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inspectInvitation } from "@/lib/contacts/invitation";
import { AcceptInvitationForm } from "./accept-invitation-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contacts.invitation");
  return { title: t("title") };
}

/** Where the invitation email leads: the new sub-account chooses its password, then signs in with its own address. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const invitation = await inspectInvitation(token);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-bold">{t("contacts.invitation.title")}</h1>
      {invitation.valid ? (
        <>
          <p className="mb-5 text-sm break-words text-slate-600">
            {t("contacts.invitation.intro", { name: invitation.name, accountName: invitation.accountName, email: invitation.email })}
          </p>
          <AcceptInvitationForm token={token} email={invitation.email} name={invitation.fullName} />
        </>
      ) : (
        <div className="space-y-4">
          <p role="alert" className="text-sm text-red-800">
            {t("contacts.errors.invitationInvalid")}
          </p>
          <p className="text-sm text-slate-600">{t("contacts.invitation.invalidHelp")}</p>
          <div className="flex flex-col gap-2 sm:flex-row sm:gap-4">
            <Link href="/acceder" className="text-sm font-medium text-brand-700 hover:underline">
              {t("contacts.invitation.signIn")}
            </Link>
            <Link href="/recuperar" className="text-sm font-medium text-brand-700 hover:underline">
              {t("contacts.invitation.forgot")}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
