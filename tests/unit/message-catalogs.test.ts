import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs } from "@/lib/i18n/messages";

function flatten(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const spanish = new Set(flatten(catalogs.es));
const english = new Set(flatten(catalogs.en));

describe("message catalogs", () => {
  it("has every Spanish key in English and no English key missing in Spanish", () => {
    expect([...spanish].filter((key) => !english.has(key))).toEqual([]);
    expect([...english].filter((key) => !spanish.has(key))).toEqual([]);
  });

  it("has no empty message", () => {
    for (const locale of ["es", "en"] as const) {
      const empty = flatten(catalogs[locale]).filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogs[locale]);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });

  // Use cases and actions return message keys ("errors.rateLimited"); each must exist, or the
  // customer would see the raw key instead of a sentence.
  it("knows every error key the code can return", () => {
    const root = path.resolve(__dirname, "../..");
    const files = [...sourceFiles(path.join(root, "lib")), ...sourceFiles(path.join(root, "app"))];
    const used = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/["'`]((?:errors|[a-z]+\.errors)\.[A-Za-z0-9_.]+)["'`]/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((key) => !spanish.has(key))).toEqual([]);
  });
});
