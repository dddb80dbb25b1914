import { createHash } from "node:crypto";
import { inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { domains } from "@/db/schema";
import type { DomainAvailability, Registrar } from "./registrar";

/** Labels everybody tries first; taken under every extension so a demo looks like the real world. */
export const SANDBOX_WELL_KNOWN_LABELS: ReadonlySet<string> = new Set([
  "google",
  "facebook",
  "amazon",
  "apple",
  "microsoft",
  "youtube",
  "wikipedia",
  "twitter",
  "instagram",
  "whatsapp",
  "netflix",
  "ejemplo",
  "example",
  "test",
  "prueba",
]);

/** Whether a name nobody has with us counts as registered elsewhere: about a quarter do, the same ones every run. */
export function sandboxHashSaysTaken(name: string): boolean {
  return createHash("sha256").update(name).digest()[0]! < 64;
}

/**
 * The embedded registrar: no network and no account, yet deterministic, so pages, tests and demos
 * give the same answer every time. A name is taken when any client has it in our domains table
 * (whether a name is registered is public WHOIS information), when its label is a well-known one, or
 * when its hash says so.
 */
export function createSandboxRegistrar(db?: Executor): Registrar {
  return {
    name: "sandbox",
    async checkAvailability(names: string[]): Promise<DomainAvailability[]> {
      if (names.length === 0) return [];
      const lowerNames = names.map((name) => name.toLowerCase());
      const executor = db ?? (await getDb());
      // Names are stored as the parser writes them (lower-case ASCII), so the plain index on name serves this.
      const rows = await executor.selectDistinct({ name: domains.name }).from(domains).where(inArray(domains.name, [...new Set(lowerNames)]));
      const ours = new Set(rows.map((row) => row.name));
      return lowerNames.map((name) => ({
        name,
        status: ours.has(name) || SANDBOX_WELL_KNOWN_LABELS.has(labelOf(name)) || sandboxHashSaysTaken(name) ? "taken" : "available",
      }));
    },
  };
}

function labelOf(name: string): string {
  const dot = name.indexOf(".");
  return dot === -1 ? name : name.slice(0, dot);
}
