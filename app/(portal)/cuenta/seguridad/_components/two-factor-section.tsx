import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { StatusBadge } from "@/app/_components/status-badge";
import { requireUser } from "@/lib/auth/session";
import { getTwoFactorStatus } from "@/lib/auth/two-factor";
import { DisableTwoFactorForm } from "../dos-pasos/_components/disable-two-factor-form";

/** "Verificación en dos pasos" in Ajustes de seguridad: the signed-in person's own status, and the way to change it. */
export async function TwoFactorSection() {
  const user = await requireUser();
  const [status, t, format] = await Promise.all([getTwoFactorStatus(user), getTranslations("twoFactor"), getFormatter()]);
  return (
    <Card title={t("section.title")} titleId="two-factor">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{t("section.description")}</p>
        <TwoFactorStatusLine
          label={t("section.status")}
          text={status.enabledAt ? t("section.enabledSince", { date: format.dateTime(status.enabledAt, { dateStyle: "long" }) }) : t("section.disabled")}
          on={Boolean(status.enabledAt)}
        />
        {status.enabledAt ? (
          <>
            <p className="text-sm text-slate-700">{t("section.backupCodesLeft", { count: status.backupCodesLeft })}</p>
            <DisableTwoFactorForm />
          </>
        ) : (
          <Link
            href="/cuenta/seguridad/dos-pasos"
            className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto"
          >
            {t("section.enable")}
          </Link>
        )}
      </div>
    </Card>
  );
}

export function TwoFactorStatusLine({ label, text, on }: { label: string; text: string; on: boolean }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium text-slate-700">{label}:</span>
      <StatusBadge label={text} tone={on ? "green" : "slate"} />
    </p>
  );
}
