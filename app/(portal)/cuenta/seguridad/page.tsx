import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { SECURITY_QUESTIONS } from "@/lib/account/security-answer";
import { getSecurityQuestion } from "@/lib/account/security-question";
import { listActiveSessions } from "@/lib/account/sessions";
import { requireUser } from "@/lib/auth/session";
import type { SelectOption } from "../_components/select-field";
import { RevokeOtherSessions } from "./_components/revoke-other-sessions";
import { SecurityQuestionForm } from "./_components/security-question-form";
import { SessionList } from "./_components/session-list";
import { PasskeySection } from "./_components/passkey-section";
import { TwoFactorSection } from "./_components/two-factor-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security.settings");
  return { title: t("title") };
}

/**
 * "Ajustes de seguridad" (walkthrough §3.3): the signed-in person's own security question, two-step
 * verification and open sessions, sub-accounts included.
 */
export default async function SecuritySettingsPage() {
  const user = await requireUser();
  const [question, sessions] = await Promise.all([getSecurityQuestion(user), listActiveSessions(user)]);
  const t = await getTranslations();

  const questions: SelectOption[] = [
    { value: "", label: t("security.question.choose") },
    ...SECURITY_QUESTIONS.map((key) => ({ value: key, label: t(`common.securityQuestions.${key}`) })),
  ];

  return (
    <>
      <PageHeader title={t("security.settings.title")} description={t("security.settings.description")} />
      <div className="space-y-6">
        <Card title={t("security.question.title")} titleId="security-question">
          <div className="space-y-4">
            <div className="space-y-1 text-sm">
              <p className="text-slate-600">{t("security.question.description")}</p>
              <p className="font-medium text-slate-900">
                {question.question
                  ? t("security.question.current", { question: t(`common.securityQuestions.${question.question}`) })
                  : t("security.question.none")}
              </p>
            </div>
            <SecurityQuestionForm hasAnswer={question.hasAnswer} questions={questions} />
          </div>
        </Card>

        <TwoFactorSection />

        <PasskeySection />

        <Card title={t("security.sessions.title")} titleId="active-sessions">
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("security.sessions.description")}</p>
            {sessions.length > 0 && <SessionList sessions={sessions} />}
            <RevokeOtherSessions hasOthers={sessions.some((session) => !session.current)} />
          </div>
        </Card>
      </div>
    </>
  );
}
