"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/field";
import { FormAlert } from "@/app/_components/form-alert";
import { primaryButton } from "../../facturacion/_components/styles";
import { addRegistrationAction, addRenewalsAction, addTransferAction } from "./actions";

const selectStyle = "block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm sm:w-auto";

function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-start gap-3 text-sm text-slate-800">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-300" />
      <span>
        {label}
        {hint && <span className="block text-xs text-slate-500">{hint}</span>}
      </span>
    </label>
  );
}

/**
 * "Registrar un dominio" / "Transferir un dominio" (§5.1.5-6): name, years (register) or EPP code
 * (transfer), ID protection, and DNS management and email forwarding ticked, as the walkthrough recommends.
 */
export function NewDomainForm({
  mode,
  defaultDomain,
  years,
  idProtectionPrice,
}: {
  mode: "register" | "transfer";
  defaultDomain: string;
  years: number[];
  /** Formatted yearly price; null when it cannot be bought in the client's currency. */
  idProtectionPrice: string | null;
}) {
  const t = useTranslations("domainOrders");
  const [state, formAction, pending] = useActionState(mode === "register" ? addRegistrationAction : addTransferAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field name="domain" label={t("form.domain")} hint={t("form.domainHint")} defaultValue={defaultDomain} autoComplete="off" required error={fieldErrors?.domain} />
      {mode === "register" ? (
        <div className="space-y-1">
          <label htmlFor="field-years" className="block text-sm font-medium text-slate-700">
            {t("form.years")}
          </label>
          <select id="field-years" name="years" defaultValue="1" className={selectStyle}>
            {years.map((count) => (
              <option key={count} value={count}>
                {t("years", { years: count })}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("transfer.warning")}
          </p>
          <Field name="eppCode" label={t("transfer.eppCode")} hint={t("transfer.eppHint")} autoComplete="off" required error={fieldErrors?.eppCode} />
        </>
      )}
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("form.options")}</legend>
        {idProtectionPrice && <Checkbox name="idProtection" label={t("form.idProtection", { price: idProtectionPrice })} hint={t("form.idProtectionHint")} defaultChecked={false} />}
        <Checkbox name="dnsManagement" label={t("form.dnsManagement")} defaultChecked />
        <Checkbox name="emailForwarding" label={t("form.emailForwarding")} defaultChecked />
        <p className="text-xs text-slate-500">{t("form.recommended")}</p>
      </fieldset>
      {state && !state.ok && !fieldErrors?.domain && !fieldErrors?.eppCode && <FormAlert kind="error" message={state.error} />}
      <button type="submit" disabled={pending} aria-busy={pending} className={primaryButton}>
        {pending ? t(`${mode}.submitting`) : t(`${mode}.submit`)}
      </button>
    </form>
  );
}

export type RenewRow = {
  id: number;
  name: string;
  statusLabel: string;
  expiryLabel: string;
  disabledReason: string | null;
  options: { years: number; label: string }[];
};

/** "Renovar dominios" (§5.1.4): a checkbox and a years menu per domain, then "Pedir ahora". */
export function RenewForm({ rows }: { rows: RenewRow[] }) {
  const t = useTranslations("domainOrders.renew");
  const tAll = useTranslations();
  const [state, formAction, pending] = useActionState(addRenewalsAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4">
      <ul aria-label={t("title")} className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {rows.map((row) => {
          const error = fieldErrors?.[row.name];
          return (
            <li key={row.id} className="flex flex-col gap-3 px-3 py-3 sm:flex-row sm:items-center sm:justify-between">
              <label className="flex min-w-0 items-start gap-3">
                <input
                  type="checkbox"
                  name="renew"
                  value={row.id}
                  disabled={row.disabledReason !== null}
                  aria-label={t("select", { domain: row.name })}
                  className="mt-1 h-5 w-5 shrink-0 rounded border-slate-300"
                />
                <span className="min-w-0">
                  <span className="block font-semibold break-all text-slate-900">{row.name}</span>
                  <span className="block text-sm text-slate-600">
                    {row.statusLabel} · {t("expiry")} {row.expiryLabel}
                  </span>
                  {row.disabledReason && <span className="block text-sm text-amber-800">{row.disabledReason}</span>}
                  {error && (
                    <span role="alert" className="block text-sm text-red-700">
                      {tAll(error)}
                    </span>
                  )}
                </span>
              </label>
              <div className="sm:shrink-0">
                <label htmlFor={`years-${row.id}`} className="sr-only">
                  {t("yearsFor", { domain: row.name })}
                </label>
                <select id={`years-${row.id}`} name={`years_${row.id}`} defaultValue="1" disabled={row.disabledReason !== null} className={selectStyle}>
                  {row.options.map((option) => (
                    <option key={option.years} value={option.years}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
            </li>
          );
        })}
      </ul>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
      <button type="submit" disabled={pending} aria-busy={pending} className={primaryButton}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

/** "Añadir al carrito" on a free name in the search results: one year, DNS management and email forwarding on. */
export function AddFoundDomainForm({ domain }: { domain: string }) {
  const t = useTranslations("domainOrders.search");
  const [state, formAction, pending] = useActionState(addRegistrationAction, null);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="domain" value={domain} />
      <input type="hidden" name="years" value="1" />
      <input type="hidden" name="dnsManagement" value="on" />
      <input type="hidden" name="emailForwarding" value="on" />
      <button type="submit" disabled={pending} aria-busy={pending} aria-label={`${t("addToCart")}: ${domain}`} className={primaryButton}>
        {pending ? t("adding") : t("addToCart")}
      </button>
      {state && !state.ok && <FormAlert kind="error" message={state.fieldErrors?.domain ?? state.error} />}
    </form>
  );
}
