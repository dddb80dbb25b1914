import { describe, expect, it } from "vitest";
import { chooseDns } from "@/lib/dns/choose-dns";

describe("choosing the DNS provider", () => {
  const base = { PDNS_SERVER_ID: "localhost", PDNS_API_URL: undefined, PDNS_API_KEY: undefined } as const;

  it("takes PowerDNS when its URL and key are set", () => {
    expect(chooseDns({ ...base, PDNS_API_URL: "http://127.0.0.1:8081", PDNS_API_KEY: "k", NODE_ENV: "production", embeddedDatabase: false }).name).toBe("powerdns");
  });

  it("takes the sandbox in development and on the embedded database", () => {
    expect(chooseDns({ ...base, NODE_ENV: "development", embeddedDatabase: false }).name).toBe("sandbox");
    expect(chooseDns({ ...base, PDNS_API_URL: "http://127.0.0.1:8081", NODE_ENV: "production", embeddedDatabase: true }).name).toBe("sandbox");
  });

  it("refuses every call in production on PostgreSQL without PowerDNS", async () => {
    const provider = chooseDns({ ...base, NODE_ENV: "production", embeddedDatabase: false });
    expect(provider.name).toBe("none");
    await expect(provider.listRecords("example.com")).rejects.toMatchObject({ code: "unavailable" });
  });
});
