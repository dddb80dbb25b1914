"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldFrame } from "@/app/_components/field-frame";
import { FormAlert } from "@/app/_components/form-alert";
import type { BillingCycle, DomainChoice } from "@/db/schema";
import { formatAmount } from "@/lib/i18n/format";
import type { OrderableProduct } from "@/lib/orders/catalogue";
import type { TldPrice } from "@/lib/domains/tld-prices";
import { addProductAction } from "../../../carrito/actions";
import { panel, primaryButton } from "../../../facturacion/_components/styles";

const inputStyle = (error?: string) =>
  `block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 ${error ? "border-red-500" : "border-slate-300"}`;

/**
 * The product's choices. The summary is recomputed here as the customer picks, for reading only:
 * the server prices the item again from the catalogue when it is added and again at checkout.
 */
export function ConfigureForm({
  product,
  tlds,
  ownDomains,
  currency,
  locale,
}: {
  product: OrderableProduct;
  tlds: TldPrice[];
  ownDomains: string[];
  currency: string;
  locale: string;
}) {
  const t = useTranslations("store");
  const [state, formAction, pending] = useActionState(addProductAction, null);
  const [cycle, setCycle] = useState<BillingCycle>(product.prices.find((price) => price.billingCycle === "annually")?.billingCycle ?? product.prices[0]!.billingCycle);
  const [choices, setChoices] = useState<Record<number, number | null>>(() =>
    Object.fromEntries(product.options.map((option) => [option.id, option.type === "select" ? (option.choices[0]?.id ?? null) : null])),
  );
  const [domainChoice, setDomainChoice] = useState<DomainChoice>("register");
  const [domain, setDomain] = useState("");
  const money = (amount: number) => formatAmount(amount, currency, locale);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const formError = state && !state.ok && Object.keys(fieldErrors).length === 0 ? state.error : undefined;

  const cyclePrice = product.prices.find((price) => price.billingCycle === cycle)!;
  const choicePrice = (choiceId: number) => product.options.flatMap((option) => option.choices).find((choice) => choice.id === choiceId)?.prices.find((price) => price.billingCycle === cycle);
  const chosenPrices = Object.values(choices).flatMap((choiceId) => (choiceId === null ? [] : [choicePrice(choiceId)]));
  const recurring = cyclePrice.price + chosenPrices.reduce((sum, price) => sum + (price?.price ?? 0), 0);
  const setup = cyclePrice.setupFee + chosenPrices.reduce((sum, price) => sum + (price?.setupFee ?? 0), 0);
  const typedTld = domain.includes(".") ? domain.slice(domain.indexOf(".") + 1).toLowerCase() : "";
  const tldPrice = tlds.find((price) => price.tld === typedTld);
  const domainAmount = domainChoice === "existing" || !tldPrice ? 0 : domainChoice === "register" ? tldPrice.register : tldPrice.transfer;

  return (
    <form action={formAction} className="grid gap-6 lg:grid-cols-3" noValidate>
      <input type="hidden" name="productId" value={product.id} />
      <div className="space-y-6 lg:col-span-2">
        <fieldset className={`${panel} p-4`}>
          <legend className="px-1 text-base font-semibold text-slate-900">{t("configure.cycleLegend")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {product.prices.map((price) => (
              <label key={price.billingCycle} className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name="billingCycle" value={price.billingCycle} checked={cycle === price.billingCycle} onChange={() => setCycle(price.billingCycle)} className="mt-1" />
                <span className="text-sm">
                  <span className="block font-medium text-slate-900">{t("configure.cycleChoice", { cycle: t(`cycles.${price.billingCycle}`), price: money(price.price) })}</span>
                  {price.setupFee > 0 && <span className="block text-slate-600">{t("configure.cycleSetup", { amount: money(price.setupFee) })}</span>}
                </span>
              </label>
            ))}
          </div>
          {fieldErrors.billingCycle && (
            <div className="mt-2">
              <FormAlert kind="error" message={fieldErrors.billingCycle} />
            </div>
          )}
        </fieldset>

        {product.options.length > 0 && (
          <fieldset className={`${panel} space-y-4 p-4`}>
            <legend className="px-1 text-base font-semibold text-slate-900">{t("configure.optionsLegend")}</legend>
            {product.options.map((option) => {
              const label = (choiceId: number, text: string) => {
                const price = choicePrice(choiceId);
                const extra = price && price.price > 0 ? t("configure.optionAdds", { price: t(`perCycle.${cycle}`, { price: money(price.price) }) }) : t("configure.optionFree");
                return `${text} (${extra}${price && price.setupFee > 0 ? `, ${t("configure.cycleSetup", { amount: money(price.setupFee) })}` : ""})`;
              };
              if (option.type === "yesno") {
                const choice = option.choices[0];
                if (!choice) return null;
                return (
                  <label key={option.id} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={`option_${option.id}`}
                      value={choice.id}
                      checked={choices[option.id] === choice.id}
                      onChange={(event) => setChoices({ ...choices, [option.id]: event.target.checked ? choice.id : null })}
                      className="mt-1"
                    />
                    <span>
                      <span className="block font-medium text-slate-900">{option.name}</span>
                      <span className="text-slate-600">{label(choice.id, t("configure.yes"))}</span>
                    </span>
                  </label>
                );
              }
              return (
                <FieldFrame key={option.id} name={`option_${option.id}`} label={option.name}>
                  {({ id, describedBy }) => (
                    <select
                      id={id}
                      name={`option_${option.id}`}
                      aria-describedby={describedBy}
                      value={choices[option.id] ?? ""}
                      onChange={(event) => setChoices({ ...choices, [option.id]: Number(event.target.value) })}
                      className={inputStyle()}
                    >
                      {option.choices.map((choice) => (
                        <option key={choice.id} value={choice.id}>
                          {label(choice.id, choice.label)}
                        </option>
                      ))}
                    </select>
                  )}
                </FieldFrame>
              );
            })}
            {fieldErrors.options && <FormAlert kind="error" message={fieldErrors.options} />}
          </fieldset>
        )}

        {product.requiresDomain && (
          <fieldset className={`${panel} space-y-4 p-4`}>
            <legend className="px-1 text-base font-semibold text-slate-900">{t("configure.domainLegend")}</legend>
            <div className="space-y-2">
              {(["register", "transfer", "existing"] as const).map((choice) => (
                <label key={choice} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name="domainChoice"
                    value={choice}
                    checked={domainChoice === choice}
                    onChange={() => {
                      setDomainChoice(choice);
                      setDomain(choice === "existing" ? (ownDomains[0] ?? "") : "");
                    }}
                  />
                  {t(`configure.${choice === "register" ? "domainRegister" : choice === "transfer" ? "domainTransfer" : "domainExisting"}`)}
                </label>
              ))}
            </div>
            {domainChoice === "existing" ? (
              ownDomains.length === 0 ? (
                <p className="text-sm text-slate-600">{t("configure.existingNone")}</p>
              ) : (
                <FieldFrame name="domain" label={t("configure.existingPick")} error={fieldErrors.domain}>
                  {({ id, describedBy }) => (
                    <select id={id} name="domain" value={domain} onChange={(event) => setDomain(event.target.value)} aria-describedby={describedBy} className={inputStyle(fieldErrors.domain)}>
                      {ownDomains.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                    </select>
                  )}
                </FieldFrame>
              )
            ) : (
              <>
                <FieldFrame name="domain" label={t("configure.domainName")} hint={t("configure.domainHint")} error={fieldErrors.domain}>
                  {({ id, describedBy }) => (
                    <input
                      id={id}
                      name="domain"
                      value={domain}
                      onChange={(event) => setDomain(event.target.value)}
                      autoComplete="off"
                      autoCapitalize="none"
                      spellCheck={false}
                      aria-invalid={fieldErrors.domain ? true : undefined}
                      aria-describedby={describedBy}
                      className={inputStyle(fieldErrors.domain)}
                    />
                  )}
                </FieldFrame>
                <input type="hidden" name="domainYears" value="1" />
                {tlds.length > 0 && (
                  <details className="text-sm">
                    <summary className="cursor-pointer text-slate-700">{t("configure.tldPrices")}</summary>
                    <ul className="mt-2 grid gap-1 sm:grid-cols-2">
                      {tlds.map((price) => (
                        <li key={price.tld} className="text-slate-700">
                          {t("configure.tldPrice", { tld: price.tld, register: money(price.register), transfer: money(price.transfer) })}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </>
            )}
          </fieldset>
        )}
      </div>

      <aside className={`${panel} h-fit space-y-3 p-4 lg:sticky lg:top-4`} aria-labelledby="resumen-producto">
        <h2 id="resumen-producto" className="text-base font-semibold text-slate-900">
          {t("configure.summary")}
        </h2>
        <dl className="space-y-1 text-sm">
          <div className="flex justify-between gap-3">
            <dt className="text-slate-600">{t("configure.firstPayment")}</dt>
            <dd className="font-semibold text-slate-900" data-testid="first-payment">
              {money(recurring + setup + domainAmount)}
            </dd>
          </div>
          <div className="flex justify-between gap-3">
            <dt className="text-slate-600">{t(`cycles.${cycle}`)}</dt>
            <dd className="text-slate-900">{t("configure.recurring", { amount: t(`perCycle.${cycle}`, { price: money(recurring) }) })}</dd>
          </div>
        </dl>
        <p className="text-xs text-slate-500">{t("configure.summaryNote")}</p>
        {formError && <FormAlert kind="error" message={formError} />}
        <button type="submit" disabled={pending} aria-busy={pending} className={`${primaryButton} w-full sm:w-full`}>
          {pending ? t("configure.adding") : t("configure.addToCart")}
        </button>
      </aside>
    </form>
  );
}
