import { hashPassword, verifyPassword } from "@/lib/auth/password";

/** Question keys; their texts live in the account catalog under "securityQuestions.<key>". */
export const SECURITY_QUESTIONS = ["favouriteSport", "firstPet", "birthCity", "firstSchool", "motherMaidenName"] as const;
export type SecurityQuestion = (typeof SECURITY_QUESTIONS)[number];

export function isSecurityQuestion(value: unknown): value is SecurityQuestion {
  return typeof value === "string" && (SECURITY_QUESTIONS as readonly string[]).includes(value);
}

// People remember "Málaga" but type "malaga " on a phone: compare what they meant, not how they typed it.
export function normalizeAnswer(answer: string): string {
  return answer
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function hashSecurityAnswer(answer: string): Promise<string> {
  return hashPassword(normalizeAnswer(answer));
}

export async function verifySecurityAnswer(answerHash: string | null | undefined, answer: string): Promise<boolean> {
  const normalized = normalizeAnswer(answer);
  if (!normalized) {
    await verifyPassword(null, answer);
    return false;
  }
  return verifyPassword(answerHash, normalized);
}
