"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldFrame } from "@/app/_components/field-frame";

type Suggestion = { id: number; title: string; categoryName: string; excerpt: string; href: string };

const DEBOUNCE_MS = 300;
const MIN_LENGTH = 3;

/**
 * "Asunto", with knowledge-base articles matching it listed underneath as the customer types
 * (debounced; a stale answer never replaces a newer one), so a question can be answered before it is asked.
 */
export function SubjectWithSuggestions({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const t = useTranslations("support.open");
  const [subject, setSubject] = useState(defaultValue ?? "");
  const [found, setFound] = useState<Suggestion[]>([]);
  const [searching, setSearching] = useState(false);
  const listId = useId();
  const query = subject.trim();
  const suggestions = query.length >= MIN_LENGTH ? found : [];

  useEffect(() => {
    if (query.length < MIN_LENGTH) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const response = await fetch(`/api/soporte/sugerencias?q=${encodeURIComponent(query)}`, { signal: controller.signal });
        if (response.ok) setFound(((await response.json()) as { articles: Suggestion[] }).articles);
      } catch {
        // Aborted by newer typing, or offline: suggestions are a help, never in the way.
      } finally {
        if (!controller.signal.aborted) setSearching(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <div>
      <FieldFrame name="subject" label={t("subject")} error={error}>
        {({ id, describedBy }) => (
          <input
            id={id}
            name="subject"
            type="text"
            maxLength={200}
            required
            autoComplete="off"
            value={subject}
            onChange={(event) => setSubject(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={[describedBy, suggestions.length > 0 ? listId : null].filter(Boolean).join(" ") || undefined}
            className={`block w-full rounded-md border px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none ${
              error ? "border-red-500" : "border-slate-300"
            }`}
          />
        )}
      </FieldFrame>
      {/* Announced politely, so a screen reader hears that articles appeared without losing its place. */}
      <p className="sr-only" role="status" aria-live="polite">
        {searching ? t("suggestions.searching") : query.length >= MIN_LENGTH ? t("suggestions.count", { count: suggestions.length }) : ""}
      </p>
      {suggestions.length > 0 && (
        <section id={listId} aria-label={t("suggestions.title")} className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3">
          <h2 className="text-sm font-semibold text-slate-900">{t("suggestions.title")}</h2>
          <p className="text-xs text-slate-600">{t("suggestions.description")}</p>
          <ul className="mt-2 space-y-2">
            {suggestions.map((article) => (
              <li key={article.id} className="text-sm">
                <a href={article.href} target="_blank" rel="noopener" className="font-medium text-brand-700 hover:underline">
                  {article.title}
                </a>
                <span className="text-xs text-slate-600"> · {article.categoryName}</span>
                <span className="block text-xs text-slate-600">{article.excerpt}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
