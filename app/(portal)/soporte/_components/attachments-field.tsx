"use client";

import { useTranslations } from "next-intl";
import { FieldFrame } from "@/app/_components/field-frame";

// What the file picker offers; the server checks the content whatever the browser lets through.
const ACCEPT = ".png,.jpg,.jpeg,.gif,.pdf,.zip,.txt,.log";

/** Several files for one ticket message, with the limits from the settings as the hint. */
export function AttachmentsField({ hint, error }: { hint: string; error?: string }) {
  const t = useTranslations("support.open");
  return (
    <FieldFrame name="attachments" label={t("attachments")} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <input
          id={id}
          name="attachments"
          type="file"
          multiple
          accept={ACCEPT}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
        />
      )}
    </FieldFrame>
  );
}
