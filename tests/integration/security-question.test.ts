import { mockActionRequest } from "@/tests/helpers/action-request";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, contacts } from "@/db/schema";
import { hashSecurityAnswer, verifySecurityAnswer } from "@/lib/account/security-answer";
import { changeSecurityQuestion, getSecurityQuestion, type SecurityQuestionInput } from "@/lib/account/security-question";
import { rateLimitKeys, recordAttempt, RESET_ANSWER_PER_ACCOUNT } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/session";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createSubAccount, createTestClient, sessionUserFor, type TestContact } from "@/tests/helpers/factories";

const request = mockActionRequest({ forwardedFor: "198.51.100.77" });

const { changeSecurityQuestionAction } = await import("@/app/(portal)/cuenta/seguridad/_components/actions");

let db: Database;
const IP = "203.0.113.31";

beforeAll(async () => {
  db = await setupTestDatabase();
});

/** An owner whose security question is already "Ciudad de nacimiento" = "Málaga". */
async function ownerWithQuestion() {
  const answerHash = await hashSecurityAnswer("Málaga");
  const { owner } = await createTestClient(db, { owner: { securityQuestion: "birthCity", securityAnswerHash: answerHash } });
  return owner;
}

function change(overrides: Partial<SecurityQuestionInput> = {}): SecurityQuestionInput {
  return { question: "favouriteSport", answer: "Balonmano", answerConfirmation: "balonmano", ...overrides };
}

async function contactRow(id: number) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

async function auditRows(contactId: number) {
  return db.select().from(auditLog).where(and(eq(auditLog.contactId, contactId), eq(auditLog.action, "security_question.changed")));
}

async function expectUnchanged(contact: TestContact) {
  const row = await contactRow(contact.id);
  expect(row.securityQuestion).toBe(contact.securityQuestion);
  expect(row.securityAnswerHash).toBe(contact.securityAnswerHash);
  expect(await auditRows(contact.id)).toHaveLength(0);
}

describe("changeSecurityQuestion", () => {
  it("sets the first question without asking for a current answer, storing only a hash of the answer", async () => {
    const { owner } = await createTestClient(db);
    expect(await getSecurityQuestion(sessionUserFor(owner))).toEqual({ question: null, hasAnswer: false });

    const result = await changeSecurityQuestion(sessionUserFor(owner), change({ answer: "Balonmano", answerConfirmation: "BALONMANO " }), IP);

    expect(result).toEqual({ ok: true });
    const row = await contactRow(owner.id);
    expect(row.securityQuestion).toBe("favouriteSport");
    expect(row.securityAnswerHash).toMatch(/^\$argon2id\$/);
    expect(row.securityAnswerHash!.toLowerCase()).not.toContain("balonmano");
    expect(await verifySecurityAnswer(row.securityAnswerHash, "balonmano")).toBe(true);
    expect(await getSecurityQuestion(sessionUserFor(owner))).toEqual({ question: "favouriteSport", hasAnswer: true });

    const audits = await auditRows(owner.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ clientId: owner.clientId, ip: IP, details: { question: "favouriteSport" } });
    expect(JSON.stringify(audits[0]!.details).toLowerCase()).not.toContain("balonmano");
  });

  it("refuses to change it without the current answer, or with a wrong one, and changes nothing", async () => {
    const owner = await ownerWithQuestion();

    expect(await changeSecurityQuestion(sessionUserFor(owner), change(), IP)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { currentAnswer: "errors.required" },
    });
    expect(await changeSecurityQuestion(sessionUserFor(owner), change({ currentAnswer: "Sevilla" }), IP)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { currentAnswer: "security.errors.currentAnswerWrong" },
    });
    await expectUnchanged(owner);
  });

  it("accepts the current answer typed with other capitals, accents and spaces", async () => {
    const owner = await ownerWithQuestion();

    const result = await changeSecurityQuestion(sessionUserFor(owner), change({ currentAnswer: "  MALAGA " }), IP);

    expect(result).toEqual({ ok: true });
    const row = await contactRow(owner.id);
    expect(row.securityQuestion).toBe("favouriteSport");
    expect(await verifySecurityAnswer(row.securityAnswerHash, "Balónmano")).toBe(true);
    expect(await verifySecurityAnswer(row.securityAnswerHash, "Málaga")).toBe(false);
    expect(await auditRows(owner.id)).toHaveLength(1);
  });

  it("stops checking answers after too many wrong ones, counted together with those of password resets", async () => {
    const owner = await ownerWithQuestion();
    // Two wrong answers typed on the reset page, the rest here: both guess the same secret.
    await recordAttempt(rateLimitKeys.resetAnswerAccount(owner.id));
    await recordAttempt(rateLimitKeys.resetAnswerAccount(owner.id));
    for (let attempt = 2; attempt < RESET_ANSWER_PER_ACCOUNT.limit; attempt++) {
      expect((await changeSecurityQuestion(sessionUserFor(owner), change({ currentAnswer: `Ciudad ${attempt}` }), IP)).ok).toBe(false);
    }
    expect(await changeSecurityQuestion(sessionUserFor(owner), change({ currentAnswer: "Málaga" }), IP)).toEqual({ ok: false, error: "errors.rateLimited" });
    await expectUnchanged(owner);
  });

  it("checks the new question and answer: a listed question, at least 3 characters, typed twice the same", async () => {
    const owner = await ownerWithQuestion();
    const user = sessionUserFor(owner);

    expect(await changeSecurityQuestion(user, change({ currentAnswer: "Málaga", question: "favouriteFood" }), IP)).toMatchObject({
      fieldErrors: { question: "security.errors.questionInvalid" },
    });
    expect(await changeSecurityQuestion(user, change({ currentAnswer: "Málaga", question: "" }), IP)).toMatchObject({
      fieldErrors: { question: "errors.required" },
    });
    expect(await changeSecurityQuestion(user, change({ currentAnswer: "Málaga", answer: " á ", answerConfirmation: " á " }), IP)).toMatchObject({
      fieldErrors: { answer: "security.errors.answerTooShort" },
    });
    expect(await changeSecurityQuestion(user, change({ currentAnswer: "Málaga", answer: "x".repeat(101), answerConfirmation: "x".repeat(101) }), IP)).toMatchObject({
      fieldErrors: { answer: "security.errors.answerTooLong" },
    });
    expect(await changeSecurityQuestion(user, change({ currentAnswer: "Málaga", answer: "Balonmano", answerConfirmation: "Baloncesto" }), IP)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { answerConfirmation: "security.errors.answerMismatch" },
    });
    expect(await changeSecurityQuestion(user, {}, IP)).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { currentAnswer: "errors.required", question: "errors.required", answer: "errors.required", answerConfirmation: "errors.required" },
    });
    await expectUnchanged(owner);
  });

  it("reads and writes only the session's own contact within its own client", async () => {
    const mine = await createTestClient(db);
    const other = await ownerWithQuestion();
    const forged = { ...sessionUserFor(other), clientId: mine.client.id };

    expect(await getSecurityQuestion(forged)).toEqual({ question: null, hasAnswer: false });
    expect(await changeSecurityQuestion(forged, change({ currentAnswer: "Málaga" }), IP)).toEqual({ ok: false, error: "errors.signedOut" });
    await expectUnchanged(other);
  });
});

describe("changeSecurityQuestionAction", () => {
  function signInAs(user: SessionUser) {
    request.auth.mockResolvedValue({
      contactId: user.contactId,
      clientId: user.clientId,
      isOwner: user.isOwner,
      permissions: user.permissions,
      sessionId: user.sessionId,
      user: { name: user.name, email: user.email },
    });
  }

  function formDataOf(values: Record<string, string>): FormData {
    const formData = new FormData();
    for (const [key, value] of Object.entries(values)) formData.append(key, value);
    return formData;
  }

  it("lets a sub-account without permissions set its own question, not the owner's, ignoring a contact id in the form", async () => {
    const { client, owner } = await createTestClient(db);
    const { contact } = await createSubAccount(db, client.id, []);
    signInAs(sessionUserFor(contact));

    const result = await changeSecurityQuestionAction(
      null,
      formDataOf({ question: "firstPet", answer: "Tobi", answerConfirmation: "tobi", contactId: String(owner.id) }),
    );

    expect(result).toEqual({ ok: true, message: "security.question.saved" });
    expect((await contactRow(contact.id)).securityQuestion).toBe("firstPet");
    expect((await contactRow(owner.id)).securityQuestion).toBeNull();
    expect((await auditRows(contact.id))[0]).toMatchObject({ ip: "198.51.100.77" });
    expect(request.revalidatePath).toHaveBeenCalledWith("/cuenta/seguridad");
  });

  it("answers a wrong current answer with its message next to the field", async () => {
    const owner = await ownerWithQuestion();
    signInAs(sessionUserFor(owner));

    const result = await changeSecurityQuestionAction(
      null,
      formDataOf({ currentAnswer: "Cádiz", question: "firstPet", answer: "Tobi", answerConfirmation: "Tobi" }),
    );

    expect(result).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { currentAnswer: "security.errors.currentAnswerWrong" } });
    await expectUnchanged(owner);
  });
});
