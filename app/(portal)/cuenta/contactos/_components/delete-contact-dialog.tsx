"use client";

import { useTranslations } from "next-intl";
import { dangerTriggerButton } from "@/app/_components/button-styles";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { deleteContactAction } from "../actions";

/**
 * "Eliminar el contacto" opens a modal dialog saying what will happen; only its confirm button posts,
 * with the confirm field the action requires. A refusal shows inside the dialog.
 */
export function DeleteContactDialog({ contactId, name, isDefaultBilling, hasAccess }: { contactId: number; name: string; isDefaultBilling: boolean; hasAccess: boolean }) {
  const t = useTranslations("contacts.delete");
  return (
    <ConfirmDialogForm
      action={deleteContactAction}
      fields={{ contactId: String(contactId), confirm: "yes" }}
      triggerLabel={t("trigger")}
      triggerClassName={dangerTriggerButton}
      title={t("title", { name })}
      confirmLabel={t("confirm")}
      pendingLabel={t("deleting")}
      cancelLabel={t("cancel")}
      tone="danger"
    >
      <p className="font-medium">{t("body")}</p>
      {isDefaultBilling && <p>{t("defaultBilling")}</p>}
      {hasAccess && <p>{t("access")}</p>}
      <p>{t("tickets")}</p>
    </ConfirmDialogForm>
  );
}
