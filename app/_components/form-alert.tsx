"use client";

import { useTranslations } from "next-intl";

/** The form-level outcome of an action; `message` is a catalog key. */
export function FormAlert({ kind, message }: { kind: "error" | "success"; message: string }) {
  const t = useTranslations();
  const style = kind === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800";
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${style}`}>
      {t(message)}
    </div>
  );
}
