"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { closeTicketAction } from "./actions";

/** "Cerrar ticket", after a confirmation in a modal dialog. */
export function CloseTicketButton({ ticketId, reference }: { ticketId: number; reference: string }) {
  const t = useTranslations("support.close");
  return (
    <ConfirmDialogForm
      action={closeTicketAction}
      fields={{ ticketId: String(ticketId) }}
      triggerLabel={t("trigger")}
      title={t("title", { reference })}
      confirmLabel={t("confirm")}
      pendingLabel={t("pending")}
      cancelLabel={t("cancel")}
    >
      <p>{t("body")}</p>
    </ConfirmDialogForm>
  );
}
