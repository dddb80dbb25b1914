"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { voteOnArticleAction } from "../actions";

/** "¿Fue útil la respuesta?" Sí / No; once answered (now or before) it thanks instead of asking. */
export function VoteForm({ articleId, voted }: { articleId: number; voted: boolean }) {
  const t = useTranslations("knowledge.vote");
  const [state, formAction, pending] = useActionState(voteOnArticleAction, null);
  if (state?.ok) return <div className="mt-3"><FormAlert kind="success" message={state.message ?? "knowledge.vote.thanks"} /></div>;
  if (voted) return <p className="mt-3 text-sm text-slate-600">{t("alreadyVoted")}</p>;
  const button = "inline-flex min-w-20 items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-70";
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="articleId" value={articleId} />
      <span id="kb-vote-question" className="text-sm font-medium text-slate-900">
        {t("question")}
      </span>
      <div role="group" aria-labelledby="kb-vote-question" className="flex gap-2">
        <button type="submit" name="helpful" value="yes" disabled={pending} className={button}>
          {t("yes")}
        </button>
        <button type="submit" name="helpful" value="no" disabled={pending} className={button}>
          {t("no")}
        </button>
      </div>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
    </form>
  );
}
