"use client";

import { useTranslations } from "next-intl";
import { secondaryButton } from "@/app/_components/button-styles";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { removePasskeyAction } from "./passkey-actions";

/** "Eliminar" next to a passkey: a modal dialog says what follows; only its confirm button posts. */
export function RemovePasskeyButton({ passkeyId, name }: { passkeyId: number; name: string }) {
  const t = useTranslations("passkeys.remove");
  return (
    <div className="shrink-0">
      <ConfirmDialogForm
        action={removePasskeyAction}
        fields={{ passkeyId: String(passkeyId) }}
        triggerLabel={t("button")}
        triggerAriaLabel={t("buttonLabel", { name })}
        triggerClassName={secondaryButton}
        title={t("confirmTitle", { name })}
        confirmLabel={t("confirm")}
        pendingLabel={t("removing")}
        cancelLabel={t("cancel")}
        tone="danger"
      >
        <p>{t("confirmBody")}</p>
      </ConfirmDialogForm>
    </div>
  );
}
