"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import type { BillingCycle } from "@/db/schema";
import { secondaryButton } from "../facturacion/_components/styles";
import { applyPromoAction, changeCycleAction } from "./actions";

/** "Cambiar" the billing cycle of a product in the cart; the server checks the product is sold in it. */
export function CycleForm({ itemId, current, cycles }: { itemId: number; current: BillingCycle | null; cycles: { billingCycle: BillingCycle; label: string }[] }) {
  const t = useTranslations("store.cart");
  const [state, formAction, pending] = useActionState(changeCycleAction, null);
  const id = `ciclo-${itemId}`;
  return (
    <form action={formAction} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <input type="hidden" name="itemId" value={itemId} />
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {t("cycle")}
        </label>
        <select id={id} name="billingCycle" defaultValue={current ?? undefined} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm sm:w-auto">
          {cycles.map((cycle) => (
            <option key={cycle.billingCycle} value={cycle.billingCycle}>
              {cycle.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} aria-busy={pending} className={secondaryButton}>
        {pending ? t("changingCycle") : t("changeCycle")}
      </button>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
    </form>
  );
}

/** "Código promocional": the refusal (expired, used up, not for these products…) is shown next to the field. */
export function PromoForm() {
  const t = useTranslations("store.cart");
  const [state, formAction, pending] = useActionState(applyPromoAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.code ?? state.error) : undefined;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <Field name="code" label={t("promoLabel")} autoComplete="off" error={error} />
      <button type="submit" disabled={pending} aria-busy={pending} className={secondaryButton}>
        {pending ? t("applyingPromo") : t("applyPromo")}
      </button>
    </form>
  );
}
