import { describe, expect, it } from "vitest";
import {
  hashSecurityAnswer,
  isSecurityQuestion,
  normalizeAnswer,
  SECURITY_QUESTIONS,
  verifySecurityAnswer,
} from "@/lib/account/security-answer";

describe("normalizeAnswer", () => {
  it("trims and lower-cases", () => {
    expect(normalizeAnswer("  Fútbol  ")).toBe("futbol");
    expect(normalizeAnswer("MADRID")).toBe("madrid");
  });

  it("strips accents and diacritics", () => {
    expect(normalizeAnswer("Málaga")).toBe("malaga");
    expect(normalizeAnswer("Núñez")).toBe("nunez");
    expect(normalizeAnswer("Pingüino")).toBe("pinguino");
    expect(normalizeAnswer("Çà et là")).toBe("ca et la");
  });

  it("collapses inner whitespace of any kind", () => {
    expect(normalizeAnswer("San   Sebastián\t de  los\nReyes")).toBe("san sebastian de los reyes");
  });

  it("treats composed and decomposed forms alike", () => {
    expect(normalizeAnswer("Jose\u0301")).toBe(normalizeAnswer("José"));
  });

  it("keeps letters and digits that carry meaning", () => {
    expect(normalizeAnswer("Colegio 25 de Julio")).toBe("colegio 25 de julio");
    expect(normalizeAnswer("")).toBe("");
    expect(normalizeAnswer("   ")).toBe("");
  });
});

describe("security answer hashing", () => {
  it("accepts the answer typed with another case, accents and spacing", async () => {
    const hash = await hashSecurityAnswer("Málaga");
    expect(hash).not.toContain("alaga");
    expect(await verifySecurityAnswer(hash, "  MALAGA ")).toBe(true);
    expect(await verifySecurityAnswer(hash, "málaga")).toBe(true);
  });

  it("refuses a different answer, an empty answer and a missing hash", async () => {
    const hash = await hashSecurityAnswer("Tenis");
    expect(await verifySecurityAnswer(hash, "Pádel")).toBe(false);
    expect(await verifySecurityAnswer(hash, "   ")).toBe(false);
    expect(await verifySecurityAnswer(null, "Tenis")).toBe(false);
  });
});

describe("SECURITY_QUESTIONS", () => {
  it("lists the question keys the forms offer", () => {
    expect(SECURITY_QUESTIONS).toEqual(["favouriteSport", "firstPet", "birthCity", "firstSchool", "motherMaidenName"]);
    expect(isSecurityQuestion("firstPet")).toBe(true);
    expect(isSecurityQuestion("favouriteColour")).toBe(false);
    expect(isSecurityQuestion(undefined)).toBe(false);
  });
});
