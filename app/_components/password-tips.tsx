import { useTranslations } from "next-intl";

/** The advice beside every form that sets a password: how to make one strong. */
export function PasswordTips({ id }: { id: string }) {
  const t = useTranslations("security.strength");
  return (
    <section aria-labelledby={id} className="rounded-md border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
      <h2 id={id} className="mb-2 font-semibold text-slate-900">
        {t("tipsTitle")}
      </h2>
      <ul className="list-disc space-y-2 pl-5">
        <li>{t("tips.length")}</li>
        <li>{t("tips.mix")}</li>
        <li>{t("tips.personal")}</li>
        <li>{t("tips.unique")}</li>
      </ul>
    </section>
  );
}
