import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { setRegistrarLockAction } from "../actions";
import { ManageSection, Notice, Warning } from "../_components/section";
import { ToggleForm } from "../_components/toggle-form";
import { loadDomain } from "../load-domain";

type Props = { params: Promise<{ domainId: string }>; searchParams: Promise<{ aviso?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainManage.lock");
  return { title: `${t("title")} · ${domain.name}` };
}

/** "Bloquear registro" (walkthrough §5.1.3, §5.2.3): recommended on; turning it off asks first. */
export default async function RegistrarLockPage({ params, searchParams }: Props) {
  const { domain } = await loadDomain((await params).domainId);
  const { aviso } = await searchParams;
  const t = await getTranslations("domainManage.lock");
  const fields = { domainId: String(domain.id) };
  return (
    <ManageSection title={t("title")} intro={t("intro")}>
      {aviso === "activado" && <Notice>{t("savedOn")}</Notice>}
      {aviso === "desactivado" && <Notice>{t("savedOff")}</Notice>}
      <p className="text-sm">
        <span className={`font-semibold ${domain.registrarLock ? "text-green-800" : "text-red-800"}`}>{domain.registrarLock ? t("stateOn") : t("stateOff")}</span>{" "}
        <span className="text-slate-600">({t("recommended")})</span>
      </p>
      {domain.registrarLock ? (
        <ConfirmDialogForm
          action={setRegistrarLockAction}
          fields={{ ...fields, locked: "off" }}
          triggerLabel={t("disable")}
          title={t("confirmTitle")}
          confirmLabel={t("confirm")}
          pendingLabel={t("submitting")}
          cancelLabel={t("cancel")}
        >
          <p>{t("confirmText", { domain: domain.name })}</p>
          <p className="font-medium text-amber-900">{t("warning")}</p>
        </ConfirmDialogForm>
      ) : (
        <>
          <Warning>{t("warning")}</Warning>
          <ToggleForm action={setRegistrarLockAction} fields={{ ...fields, locked: "on" }} label={t("enable")} pendingLabel={t("submitting")} />
        </>
      )}
    </ManageSection>
  );
}
