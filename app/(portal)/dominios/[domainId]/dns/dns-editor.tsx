"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/app/_components/form-alert";
import { CAA_TAGS, EDITOR_RECORD_TYPES, type EditorRecordType } from "@/lib/dns/record-types";
import { saveZoneAction } from "./actions";

/** One row as the form holds it: every field a string, as typed. */
export type EditorRow = { host: string; type: EditorRecordType; value: string; ttl: string; priority: string; weight: string; port: string; flags: string; tag: string };
type KeyedRow = EditorRow & { key: number };

const inputClass = (error?: string) =>
  `block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 ${error ? "border-red-500" : "border-slate-300"}`;

function emptyRow(key: number): KeyedRow {
  return { key, host: "", type: "A", value: "", ttl: "3600", priority: "", weight: "", port: "", flags: "", tag: "" };
}

/** The DNS editor: add, change and remove rows with the fields of each type; one "Guardar cambios" sends them all. */
export function DnsEditor({ domainId, domain, initialRows }: { domainId: number; domain: string; initialRows: EditorRow[] }) {
  const t = useTranslations("dns.editor");
  const tAll = useTranslations();
  const [rows, setRows] = useState<KeyedRow[]>(() => initialRows.map((row, index) => ({ ...row, key: index })));
  const nextKey = useRef(initialRows.length);
  const [result, formAction, pending] = useActionState(saveZoneAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (result && !result.ok) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [result]);

  const update = (key: number, changes: Partial<EditorRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  const payload = JSON.stringify(
    rows.map((row) => ({
      host: row.host,
      type: row.type,
      value: row.value,
      ttl: row.ttl,
      priority: row.priority,
      weight: row.weight,
      port: row.port,
      flags: row.flags,
      tag: row.tag,
    })),
  );

  return (
    // Submitted by hand rather than through action=: React resets a form after its action, which would
    // put every <select> back on its first-rendered option while the rows' state kept the new type.
    <form
      ref={formRef}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-4"
      noValidate
    >
      <input type="hidden" name="domainId" value={String(domainId)} />
      <input type="hidden" name="records" value={payload} />
      <h2 className="text-base font-semibold text-slate-900">{t("records")}</h2>
      {rows.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const number = index + 1;
          const error = (field: string) => fieldErrors[`${index}.${field}`];
          const id = (field: string) => `dns-${row.key}-${field}`;
          const field = (name: keyof EditorRow, label: string, props: { inputMode?: "numeric"; hint?: string; className?: string } = {}) => {
            const message = error(name);
            const describedBy = [message ? `${id(name)}-error` : null, props.hint ? `${id(name)}-hint` : null].filter(Boolean).join(" ") || undefined;
            return (
              <div className={`space-y-1 ${props.className ?? ""}`}>
                <label htmlFor={id(name)} className="block text-sm font-medium text-slate-700">
                  {label}
                </label>
                <input
                  id={id(name)}
                  value={row[name]}
                  onChange={(event) => update(row.key, { [name]: event.target.value })}
                  inputMode={props.inputMode}
                  autoComplete="off"
                  aria-invalid={message ? true : undefined}
                  aria-describedby={describedBy}
                  className={inputClass(message)}
                />
                {props.hint && (
                  <p id={`${id(name)}-hint`} className="text-xs text-slate-500">
                    {props.hint}
                  </p>
                )}
                {message && (
                  <p id={`${id(name)}-error`} className="text-sm text-red-700" role="alert">
                    {tAll(message)}
                  </p>
                )}
              </div>
            );
          };
          const typeError = error("type");
          return (
            <li key={row.key}>
              <fieldset className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <legend className="px-1 text-sm font-semibold text-slate-800">{t("row", { number })}</legend>
                <div className="grid grid-cols-1 gap-3 md:grid-cols-12 md:items-start">
                  {field("host", t("host"), { className: "md:col-span-2", hint: index === 0 ? t("hostHint", { domain }) : undefined })}
                  <div className="space-y-1 md:col-span-2">
                    <label htmlFor={id("type")} className="block text-sm font-medium text-slate-700">
                      {t("type")}
                    </label>
                    <select
                      id={id("type")}
                      value={row.type}
                      onChange={(event) => update(row.key, { type: event.target.value as EditorRecordType })}
                      aria-invalid={typeError ? true : undefined}
                      className={inputClass(typeError)}
                    >
                      {EDITOR_RECORD_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`types.${type}`)}
                        </option>
                      ))}
                    </select>
                    {typeError && <p className="text-sm text-red-700" role="alert">{tAll(typeError)}</p>}
                  </div>
                  {(row.type === "MX" || row.type === "SRV") && field("priority", t("priority"), { inputMode: "numeric", className: "md:col-span-1" })}
                  {row.type === "SRV" && field("weight", t("weight"), { inputMode: "numeric", className: "md:col-span-1" })}
                  {row.type === "SRV" && field("port", t("port"), { inputMode: "numeric", className: "md:col-span-1" })}
                  {row.type === "CAA" && (
                    <>
                      <div className="space-y-1 md:col-span-1">
                        <label htmlFor={id("flags")} className="block text-sm font-medium text-slate-700">
                          {t("flags")}
                        </label>
                        <select id={id("flags")} value={row.flags || "0"} onChange={(event) => update(row.key, { flags: event.target.value })} className={inputClass(error("flags"))}>
                          <option value="0">0</option>
                          <option value="128">128</option>
                        </select>
                      </div>
                      <div className="space-y-1 md:col-span-2">
                        <label htmlFor={id("tag")} className="block text-sm font-medium text-slate-700">
                          {t("tag")}
                        </label>
                        <select
                          id={id("tag")}
                          value={row.tag || "issue"}
                          onChange={(event) => update(row.key, { tag: event.target.value })}
                          aria-invalid={error("tag") ? true : undefined}
                          className={inputClass(error("tag"))}
                        >
                          {CAA_TAGS.map((tag) => (
                            <option key={tag} value={tag}>
                              {tag}
                            </option>
                          ))}
                        </select>
                        {error("tag") && <p className="text-sm text-red-700" role="alert">{tAll(error("tag")!)}</p>}
                      </div>
                    </>
                  )}
                  {field("value", t(`valueFor.${row.type}`), {
                    className: row.type === "SRV" ? "md:col-span-2" : row.type === "MX" ? "md:col-span-4" : row.type === "CAA" ? "md:col-span-2" : "md:col-span-5",
                  })}
                  {row.type !== "URL" && row.type !== "FRAME" ? field("ttl", t("ttl"), { inputMode: "numeric", className: "md:col-span-1" }) : <div className="hidden md:col-span-1 md:block" />}
                  <div className="md:col-span-2 md:pt-6">
                    <button
                      type="button"
                      onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                      aria-label={t("removeRow", { number })}
                      className="w-full whitespace-nowrap rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-red-700 hover:bg-red-50"
                    >
                      {t("remove")}
                    </button>
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <button
          type="button"
          onClick={() => setRows((current) => [...current, emptyRow(nextKey.current++)])}
          className="inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 sm:w-auto"
        >
          {t("add")}
        </button>
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
        >
          {pending ? t("saving") : t("save")}
        </button>
      </div>
      {result && (result.ok ? <FormAlert kind="success" message={result.message ?? "dns.editor.saved"} /> : <FormAlert kind="error" message={result.error} />)}
    </form>
  );
}
