import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getTwoFactorStatus, prepareTwoFactorSetup } from "@/lib/auth/two-factor";
import { qrCodeDataUrl } from "@/lib/auth/two-factor-qr";
import { getCompanySettings } from "@/lib/settings/get-settings";
import { TwoFactorStatusLine } from "../_components/two-factor-section";
import { DisableTwoFactorForm } from "./_components/disable-two-factor-form";
import { RegenerateBackupCodesForm } from "./_components/regenerate-backup-codes-form";
import { TwoFactorSetup } from "./_components/two-factor-setup";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("twoFactor.setup");
  return { title: t("title") };
}

/** Turning on two-step verification for the signed-in person's own login (any user, sub-accounts included). */
export default async function TwoFactorPage() {
  const user = await requireUser();
  const [status, t] = await Promise.all([getTwoFactorStatus(user), getTranslations("twoFactor")]);
  const back = (
    <Link href="/cuenta/seguridad" className="text-sm text-brand-700 underline-offset-2 hover:underline">
      {t("setup.back")}
    </Link>
  );

  if (status.enabledAt) {
    const [format, issuer] = await Promise.all([getFormatter(), issuerName()]);
    return (
      <>
        <PageHeader title={t("section.title")} actions={back} />
        <Card>
          <div className="space-y-4">
            <p className="text-sm text-slate-700">{t("setup.alreadyEnabled")}</p>
            <TwoFactorStatusLine
              label={t("section.status")}
              text={t("section.enabledSince", { date: format.dateTime(status.enabledAt, { dateStyle: "long" }) })}
              on
            />
            <p className="text-sm text-slate-700">{t("section.backupCodesLeft", { count: status.backupCodesLeft })}</p>
            <RegenerateBackupCodesForm issuer={issuer} email={user.email} />
            <DisableTwoFactorForm />
          </div>
        </Card>
      </>
    );
  }

  const issuer = await issuerName();
  // A new secret on every visit: nothing is stored until a code from the app confirms it.
  const setup = prepareTwoFactorSetup(user, issuer);
  return (
    <>
      <PageHeader title={t("setup.title")} description={t("setup.description")} actions={back} />
      <Card>
        <TwoFactorSetup qrDataUrl={await qrCodeDataUrl(setup.uri)} secret={setup.secret} setupToken={setup.setupToken} issuer={issuer} email={user.email} />
      </Card>
    </>
  );
}

/** The name the authenticator app lists the account under: the company's trade name. */
async function issuerName(): Promise<string> {
  const company = await getCompanySettings();
  return company.tradeName || company.legalName;
}
