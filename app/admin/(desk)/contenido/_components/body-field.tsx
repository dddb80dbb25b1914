"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { AnnouncementBody } from "@/app/(portal)/soporte/_components/announcement-body";
import { KbArticleBody } from "@/app/(public)/soporte/conocimiento/_components/kb-article-body";
import { FieldFrame } from "@/app/_components/field-frame";
import { controlClass, SECONDARY_BUTTON } from "./form-bits";

/**
 * The text of an article or announcement with "Vista previa": the preview is drawn by the very
 * component the customers' page uses, from what is typed now, so what staff see is what customers get.
 */
export function BodyField({ kind, defaultValue, error }: { kind: "kb" | "announcement"; defaultValue?: string; error?: string }) {
  const t = useTranslations("adminContent.body");
  const [text, setText] = useState(defaultValue ?? "");
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className="space-y-2">
      <FieldFrame name="body" label={t("label")} error={error} hint={t(kind === "kb" ? "hintKb" : "hintAnnouncement")}>
        {({ id, describedBy }) => (
          <textarea
            id={id}
            name="body"
            rows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={`${controlClass(error)} font-mono text-sm`}
          />
        )}
      </FieldFrame>
      <button type="button" onClick={() => setPreviewing(!previewing)} aria-expanded={previewing} aria-controls="body-preview" className={SECONDARY_BUTTON}>
        {previewing ? t("hidePreview") : t("preview")}
      </button>
      {previewing && (
        <section id="body-preview" aria-label={t("previewTitle")} className="min-w-0 rounded-lg border border-dashed border-brand-300 bg-white p-4 break-words sm:p-6">
          <h2 className="mb-3 text-xs font-semibold tracking-wide text-brand-700 uppercase">{t("previewTitle")}</h2>
          {text.trim() === "" ? <p className="text-sm text-slate-500">{t("previewEmpty")}</p> : kind === "kb" ? <KbArticleBody body={text} /> : <AnnouncementBody body={text} />}
        </section>
      )}
    </div>
  );
}
