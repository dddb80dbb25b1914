"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** The ten codes, shown once (they are stored hashed), with a text file to keep and a print button. */
export function BackupCodes({ codes, issuer, email }: { codes: string[]; issuer: string; email: string }) {
  const t = useTranslations("twoFactor.backupCodes");

  function download() {
    const text = [t("fileHeading", { issuer, email }), t("fileNote"), "", ...codes, ""].join("\n");
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = t("fileName");
    link.click();
    URL.revokeObjectURL(url);
  }

  const button = "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 shadow-sm hover:bg-slate-50 sm:w-auto";
  return (
    <section aria-labelledby="backup-codes-title" className="space-y-4">
      <div role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-800">
        <h2 id="backup-codes-title" className="font-semibold">
          {t("title")}
        </h2>
      </div>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <p className="text-sm font-semibold text-amber-800">{t("once")}</p>
      <ul aria-label={t("listLabel")} className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-base sm:grid-cols-5" data-testid="backup-codes">
        {codes.map((code) => (
          <li key={code} className="text-center tracking-wider text-slate-900">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <button type="button" onClick={download} className={button}>
          {t("download")}
        </button>
        <button type="button" onClick={() => window.print()} className={`${button} print:hidden`}>
          {t("print")}
        </button>
        <Link
          href="/cuenta/seguridad"
          className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 sm:ml-auto sm:w-auto print:hidden"
        >
          {t("done")}
        </Link>
      </div>
    </section>
  );
}
