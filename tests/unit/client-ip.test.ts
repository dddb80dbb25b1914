import { describe, expect, it } from "vitest";
import { clientIpFrom, UNKNOWN_CLIENT_IP } from "@/lib/auth/client-ip";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIpFrom", () => {
  it("believes no forwarded header with 0 trusted proxies (a bare next start): one bucket for all", () => {
    for (const headers of [forwarded("198.51.100.7"), forwarded("203.0.113.1, 198.51.100.7"), new Headers({ "x-real-ip": "198.51.100.7" }), new Headers()]) {
      expect(clientIpFrom(headers, 0)).toBe(UNKNOWN_CLIENT_IP);
    }
  });

  it("takes the address the one trusted proxy appended, whatever the client wrote before it", () => {
    expect(clientIpFrom(forwarded("198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIpFrom(forwarded("203.0.113.1, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIpFrom(forwarded("1.1.1.1,2.2.2.2 ,  198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("counts hops from the right behind two proxies: the entry the first proxy wrote", () => {
    // client -> CDN (appends the client) -> load balancer (appends the CDN) -> app
    expect(clientIpFrom(forwarded("203.0.113.1, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
    expect(clientIpFrom(forwarded("198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("ignores spoofed leftmost values: many different ones map to the same address", () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => clientIpFrom(forwarded(`10.9.${i}.1, 192.0.2.${i}, 198.51.100.7`), 1)));
    expect([...seen]).toEqual(["198.51.100.7"]);
  });

  it("reads a chain shorter than the hops from its leftmost entry, and an empty one as unknown", () => {
    expect(clientIpFrom(forwarded("198.51.100.7"), 3)).toBe("198.51.100.7");
    expect(clientIpFrom(forwarded(" , "), 1)).toBe(UNKNOWN_CLIENT_IP);
    expect(clientIpFrom(new Headers(), 1)).toBe(UNKNOWN_CLIENT_IP);
    // x-real-ip is as easy to send as x-forwarded-for: never read.
    expect(clientIpFrom(new Headers({ "x-real-ip": "198.51.100.7" }), 1)).toBe(UNKNOWN_CLIENT_IP);
  });

  it("caps an absurdly long entry, so it cannot bloat a rate-limit key", () => {
    expect(clientIpFrom(forwarded(`203.0.113.1, ${"a".repeat(500)}`), 1)).toBe("a".repeat(64));
  });
});
