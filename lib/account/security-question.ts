import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { isRateLimited, rateLimitKeys, recordAttempt, RESET_ANSWER_PER_ACCOUNT } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session";
import { hashSecurityAnswer, isSecurityQuestion, normalizeAnswer, verifySecurityAnswer, type SecurityQuestion } from "./security-answer";

export const ANSWER_MIN_LENGTH = 3;
export const ANSWER_MAX_LENGTH = 100;

/** What the form action reads; the values are checked by changeSecurityQuestion. */
export const securityQuestionFormSchema = z.object({
  currentAnswer: z.string().optional(),
  question: z.string().optional(),
  answer: z.string().optional(),
  answerConfirmation: z.string().optional(),
});

export type SecurityQuestionInput = z.infer<typeof securityQuestionFormSchema>;

export type SecurityQuestionState = {
  /** The question's key (its text is common.securityQuestions.<key>); null when none is set or it is no longer offered. */
  question: SecurityQuestion | null;
  /** An answer is stored, so the current answer is required to change it. */
  hasAnswer: boolean;
};

export type ChangeSecurityQuestionResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> };

type QuestionOwner = Pick<SessionUser, "contactId" | "clientId">;

export async function getSecurityQuestion(user: QuestionOwner): Promise<SecurityQuestionState> {
  const db = await getDb();
  const [row] = await db
    .select({ question: contacts.securityQuestion, answerHash: contacts.securityAnswerHash })
    .from(contacts)
    .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId)))
    .limit(1);
  return { question: isSecurityQuestion(row?.question) ? row.question : null, hasAnswer: Boolean(row?.answerHash) };
}

/**
 * "Ajustes de seguridad" (walkthrough §3.3): a new question and its answer typed twice. When an answer
 * is already set, it must be given first; wrong answers count against the same limit as those typed
 * during a password reset, since both guess the same secret.
 */
export async function changeSecurityQuestion(user: QuestionOwner, input: SecurityQuestionInput, ip: string | null): Promise<ChangeSecurityQuestionResult> {
  const db = await getDb();
  const [contact] = await db
    .select({ id: contacts.id, answerHash: contacts.securityAnswerHash })
    .from(contacts)
    .where(and(eq(contacts.id, user.contactId), eq(contacts.clientId, user.clientId), eq(contacts.hasAccess, true)))
    .limit(1);
  if (!contact) return { ok: false, error: "errors.signedOut" };

  const limitKey = rateLimitKeys.resetAnswerAccount(contact.id);
  if (contact.answerHash && (await isRateLimited(limitKey, RESET_ANSWER_PER_ACCOUNT, db))) return { ok: false, error: "errors.rateLimited" };

  const question = input.question ?? "";
  const answer = input.answer ?? "";
  const confirmation = input.answerConfirmation ?? "";
  const fieldErrors: Record<string, string> = {};

  if (!question) fieldErrors.question = "errors.required";
  else if (!isSecurityQuestion(question)) fieldErrors.question = "security.errors.questionInvalid";

  // Lengths count what is compared later: "  A  " is one character, not five.
  const normalized = normalizeAnswer(answer);
  if (!normalized) fieldErrors.answer = "errors.required";
  else if (normalized.length < ANSWER_MIN_LENGTH) fieldErrors.answer = "security.errors.answerTooShort";
  else if (answer.length > ANSWER_MAX_LENGTH) fieldErrors.answer = "security.errors.answerTooLong";

  if (!normalizeAnswer(confirmation)) fieldErrors.answerConfirmation = "errors.required";
  else if (normalizeAnswer(confirmation) !== normalized) fieldErrors.answerConfirmation = "security.errors.answerMismatch";

  if (contact.answerHash) {
    const currentAnswer = input.currentAnswer ?? "";
    if (!normalizeAnswer(currentAnswer)) {
      fieldErrors.currentAnswer = "errors.required";
    } else if (currentAnswer.length > ANSWER_MAX_LENGTH * 4 || !(await verifySecurityAnswer(contact.answerHash, currentAnswer))) {
      await recordAttempt(limitKey, db);
      fieldErrors.currentAnswer = "security.errors.currentAnswerWrong";
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !isSecurityQuestion(question)) return { ok: false, error: "errors.checkFields", fieldErrors };

  const answerHash = await hashSecurityAnswer(answer);
  const saved = await db.transaction(async (tx) => {
    // Only over the answer that was just checked: a change made meanwhile in another tab wins.
    const updated = await tx
      .update(contacts)
      .set({ securityQuestion: question, securityAnswerHash: answerHash, updatedAt: sql`now()` })
      .where(
        and(
          eq(contacts.id, contact.id),
          eq(contacts.clientId, user.clientId),
          contact.answerHash ? eq(contacts.securityAnswerHash, contact.answerHash) : isNull(contacts.securityAnswerHash),
        ),
      )
      .returning({ id: contacts.id });
    if (updated.length === 0) return false;
    await recordAudit(tx, { clientId: user.clientId, contactId: contact.id, action: "security_question.changed", details: { question }, ip });
    return true;
  });
  if (!saved) return { ok: false, error: "errors.checkFields", fieldErrors: { currentAnswer: "security.errors.currentAnswerWrong" } };
  return { ok: true };
}
