import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layering rules of DESIGN.md, checked on the source: a page never opens the database or talks
// to a vendor, and lib/ never reaches back into the routes.
const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(relative));
    else if (/\.(ts|tsx)$/.test(entry.name)) found.push(relative);
  }
  return found;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? match[2]!);
}

function offenders(folder: string, forbidden: (specifier: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) => importsOf(file).filter(forbidden).map((specifier) => `${file} imports ${specifier}`));
}

describe("layering", () => {
  it("finds the imports it checks (the scan itself works)", () => {
    expect(importsOf("lib/dashboard/get-dashboard.ts")).toContain("@/db/client");
    expect(sourceFiles("app").length).toBeGreaterThan(50);
  });

  it("keeps the database handle out of app/: pages and routes go through lib/", () => {
    expect(offenders("app", (specifier) => specifier === "@/db/client" || specifier.startsWith("drizzle-orm"))).toEqual([]);
  });

  it("keeps vendor SDKs out of app/: providers live in lib/", () => {
    const vendors = ["stripe", "resend", "@react-email/render"];
    expect(offenders("app", (specifier) => vendors.includes(specifier))).toEqual([]);
  });

  it("never lets lib/ or db/ import a route", () => {
    const intoApp = (specifier: string) => specifier.startsWith("@/app/");
    expect([...offenders("lib", intoApp), ...offenders("db", intoApp)]).toEqual([]);
  });
});
