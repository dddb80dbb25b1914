"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import type { ActionState } from "@/lib/actions";
import { approveSandboxPaymentAction, declineSandboxPaymentAction } from "./actions";

/** Both outcomes lock while either runs, so a double click or a second button cannot race the first. */
export function SandboxPaymentButtons({ attemptId }: { attemptId: number }) {
  const t = useTranslations("payments.sandbox");
  const [approveState, approve, approving] = useActionState<ActionState, FormData>(approveSandboxPaymentAction, null);
  const [declineState, decline, declining] = useActionState<ActionState, FormData>(declineSandboxPaymentAction, null);
  const busy = approving || declining;
  const error = [approveState, declineState].find((state) => state && !state.ok);

  return (
    <div className="space-y-3">
      {error && !error.ok && <FormAlert kind="error" message={error.error} />}
      <div className="flex flex-col gap-3 sm:flex-row">
        <form action={approve} className="sm:flex-1">
          <input type="hidden" name="attemptId" value={attemptId} />
          <button
            type="submit"
            disabled={busy}
            aria-busy={approving}
            className="inline-flex min-h-11 w-full items-center justify-center rounded-md bg-green-700 px-4 py-2 font-semibold text-white shadow-sm hover:bg-green-800 disabled:cursor-wait disabled:opacity-70"
          >
            {approving ? t("approving") : t("approve")}
          </button>
        </form>
        <form action={decline} className="sm:flex-1">
          <input type="hidden" name="attemptId" value={attemptId} />
          <button
            type="submit"
            disabled={busy}
            aria-busy={declining}
            className="inline-flex min-h-11 w-full items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 font-semibold text-red-700 shadow-sm hover:bg-red-50 disabled:cursor-wait disabled:opacity-70"
          >
            {declining ? t("declining") : t("decline")}
          </button>
        </form>
      </div>
    </div>
  );
}
