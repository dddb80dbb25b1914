import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { listPasskeys } from "@/lib/auth/passkeys";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { AddPasskeyForm } from "./add-passkey-form";
import { RemovePasskeyButton } from "./remove-passkey-button";

/** "Llaves de acceso" in Ajustes de seguridad: the signed-in person's own passkeys, added and removed here. */
export async function PasskeySection() {
  const user = await requireUser();
  const [list, t, locale] = await Promise.all([listPasskeys(user), getTranslations("passkeys"), getLocale()]);
  return (
    <Card title={t("section.title")} titleId="passkeys">
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{t("section.description")}</p>
        {list.length === 0 ? (
          <p className="text-sm text-slate-700">{t("section.none")}</p>
        ) : (
          <ul aria-label={t("section.listLabel")} className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {list.map((passkey) => (
              <li key={passkey.id} className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4" data-passkey={passkey.id}>
                <div className="min-w-0">
                  <p className="font-medium break-words text-slate-900">{passkey.deviceName}</p>
                  <p className="text-sm text-slate-600">{t("section.created", { date: formatDateTime(passkey.createdAt, locale) })}</p>
                  <p className="text-sm text-slate-600">
                    {passkey.lastUsedAt ? t("section.lastUsed", { date: formatDateTime(passkey.lastUsedAt, locale) }) : t("section.neverUsed")}
                  </p>
                </div>
                <RemovePasskeyButton passkeyId={passkey.id} name={passkey.deviceName} />
              </li>
            ))}
          </ul>
        )}
        <AddPasskeyForm />
      </div>
    </Card>
  );
}
