import { describe, expect, it } from "vitest";
import { parseMadridDateTime, toMadridInput } from "@/lib/staff/content/madrid-time";
import { slugify } from "@/lib/staff/content/slug";

describe("dates staff type in Madrid time", () => {
  it("reads winter and summer times with their own offset, whatever the server's zone", () => {
    expect(parseMadridDateTime("2026-01-15T09:30")).toEqual(new Date("2026-01-15T08:30:00Z"));
    expect(parseMadridDateTime("2026-07-15T09:30")).toEqual(new Date("2026-07-15T07:30:00Z"));
    // The day clocks go back: noon is already winter time.
    expect(parseMadridDateTime("2026-10-25T12:00")).toEqual(new Date("2026-10-25T11:00:00Z"));
  });

  it("refuses what is not a date and time, or a day that does not exist", () => {
    for (const value of ["", "mañana", "2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01 10:00", "2026-01-01T10:00:00"]) {
      expect(parseMadridDateTime(value), value).toBeNull();
    }
  });

  it("shows an instant back as the same wall-clock time", () => {
    for (const value of ["2026-01-15T09:30", "2026-07-15T23:45", "2026-12-31T00:00"]) expect(toMadridInput(parseMadridDateTime(value)!)).toBe(value);
  });
});

describe("slugs made from titles", () => {
  it("drops accents and punctuation, keeps words", () => {
    expect(slugify("Configuración del correo en el móvil (iOS y Android)")).toBe("configuracion-del-correo-en-el-movil-ios-y-android");
    expect(slugify("¿Año nuevo? ¡Señal!")).toBe("ano-nuevo-senal");
    expect(slugify("«»—")).toBe("");
    expect(slugify("a".repeat(300)).length).toBeLessThanOrEqual(192);
  });
});
