import { afterEach, describe, expect, it, vi } from "vitest";

// WEBAUTHN_RP_ID / WEBAUTHN_ORIGIN and their defaults from APP_BASE_URL (lib/env.ts reads them on import).

async function relyingPartyWith(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) vi.stubEnv(key, value);
  vi.resetModules();
  const { webauthnRelyingParty } = await import("@/lib/env");
  return webauthnRelyingParty;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("webauthnRelyingParty", () => {
  it("takes both from APP_BASE_URL when unset", async () => {
    const relyingParty = await relyingPartyWith({ APP_BASE_URL: "http://localhost:3120/", WEBAUTHN_RP_ID: "", WEBAUTHN_ORIGIN: "" });
    expect(relyingParty()).toEqual({ rpId: "localhost", origin: "http://localhost:3120" });
  });

  it("uses the variables, and a parent domain as RP id", async () => {
    const relyingParty = await relyingPartyWith({
      APP_BASE_URL: "https://clientes.example.es",
      WEBAUTHN_ORIGIN: "https://area.example.es/acceder",
      WEBAUTHN_RP_ID: "example.es",
    });
    expect(relyingParty()).toEqual({ rpId: "example.es", origin: "https://area.example.es" });
  });

  it("refuses an RP id the origin does not belong to", async () => {
    const relyingParty = await relyingPartyWith({ APP_BASE_URL: "https://area.example.es", WEBAUTHN_ORIGIN: "", WEBAUTHN_RP_ID: "otro.es" });
    expect(() => relyingParty()).toThrow(/WEBAUTHN_RP_ID \(otro\.es\)/);
  });
});
