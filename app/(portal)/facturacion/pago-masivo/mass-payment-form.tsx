"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { formatAmount } from "@/lib/i18n/format";
import { primaryButton, textLink } from "../_components/styles";
import { payInvoicesAction } from "./actions";

export type MassPaymentItem = {
  id: number;
  label: string;
  dueDate: string;
  /** Shown and added up for display only: the server computes what is charged. */
  amountDue: number;
  currency: string;
  overdue: boolean;
};

/** Every unpaid invoice ticked to start with; the total follows the ticks as they change. */
export function MassPaymentForm({ items }: { items: MassPaymentItem[] }) {
  const t = useTranslations("billing.massPayment");
  const locale = useLocale();
  const [selected, setSelected] = useState<Set<number>>(() => new Set(items.map((item) => item.id)));
  const [state, formAction, pending] = useActionState(payInvoicesAction, null);
  const chosen = items.filter((item) => selected.has(item.id));
  const currency = items[0]?.currency ?? "EUR";
  const total = chosen.reduce((sum, item) => sum + item.amountDue, 0);
  const allSelected = chosen.length === items.length;

  const toggle = (id: number, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form action={formAction} className="space-y-4">
      <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="flex items-center gap-3 border-b border-slate-100 px-4 py-3">
          <input
            id="select-all"
            type="checkbox"
            checked={allSelected}
            onChange={(event) => setSelected(event.target.checked ? new Set(items.map((item) => item.id)) : new Set())}
            className="size-5 shrink-0 accent-brand-600"
          />
          <label htmlFor="select-all" className="text-sm font-medium text-slate-800">
            {t("selectAll")}
          </label>
        </div>
        <ul className="divide-y divide-slate-100">
          {items.map((item) => {
            const id = `invoice-${item.id}`;
            return (
              <li key={item.id} className="flex items-start gap-3 px-4 py-3">
                <input
                  id={id}
                  type="checkbox"
                  name="invoiceIds"
                  value={item.id}
                  checked={selected.has(item.id)}
                  onChange={(event) => toggle(item.id, event.target.checked)}
                  className="mt-0.5 size-5 shrink-0 accent-brand-600"
                />
                <div className="flex min-w-0 flex-1 items-baseline justify-between gap-x-4">
                  <label htmlFor={id} className="min-w-0 font-medium text-slate-900">
                    {item.label}
                    <span className="block text-sm font-normal text-slate-600">
                      {t("dueOn", { date: item.dueDate })}
                      {item.overdue && <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">{t("overdue")}</span>}
                    </span>
                  </label>
                  <span className="shrink-0 font-semibold whitespace-nowrap tabular-nums text-slate-900">{formatAmount(item.amountDue, item.currency, locale)}</span>
                </div>
              </li>
            );
          })}
        </ul>
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-t border-slate-200 bg-slate-50 px-4 py-3">
          <span className="text-sm text-slate-700" aria-live="polite">
            {t("selectedCount", { count: chosen.length, total: items.length })}
          </span>
          <span className="text-lg font-bold tabular-nums text-slate-900">
            {t("total")}: <output aria-live="polite">{formatAmount(total, currency, locale)}</output>
          </span>
        </div>
      </div>
      <div className="space-y-2">
        <button type="submit" disabled={pending || chosen.length === 0} aria-busy={pending} className={primaryButton}>
          {pending ? t("redirecting") : t("submit")}
        </button>
        {chosen.length === 0 && <p className="text-sm text-slate-600">{t("noneSelectedHint")}</p>}
        {state && !state.ok && <FormAlert kind="error" message={state.error} />}
        <p className="text-xs text-slate-500">
          {t("cardNotice")}{" "}
          <Link href="/facturacion/facturas" className={textLink}>
            {t("backToInvoices")}
          </Link>
        </p>
      </div>
    </form>
  );
}
