import { describe, expect, it } from "vitest";
import { hostHeaderName, isRedirectHostRequest, portalHostnames } from "@/lib/http/redirect-hosts";
import { hostnameFromHostHeader } from "@/lib/domains/dns/redirect-host";
import { isRedirectTarget, txtContent, validateRow } from "@/lib/dns/records";

describe("which requests are for redirect hosts", () => {
  const portal = portalHostnames({ publicUrl: "https://area.example-hosting.es", extraHosts: "clientes.example-hosting.es, Otra.Example.com:8443" });

  it("keeps the portal's own names, loopback, IP addresses and a missing Host on the portal", () => {
    for (const host of ["area.example-hosting.es", "AREA.example-hosting.es:443", "clientes.example-hosting.es", "otra.example.com", "localhost:3000", "127.0.0.1:3150", "[::1]:3000", "203.0.113.7", null, ""]) {
      expect(isRedirectHostRequest(host, portal), String(host)).toBe(false);
    }
  });

  it("sends any other name to the redirect route", () => {
    for (const host of ["www.cliente-demo.es", "tienda.example.com:80", "area.example-hosting.es.evil.test"]) {
      expect(isRedirectHostRequest(host, portal), host).toBe(true);
    }
  });

  it("reads a Host header as a bare lower-case name", () => {
    expect(hostHeaderName("WWW.Example.com.:8080")).toBe("www.example.com");
    expect(hostnameFromHostHeader("WWW.Example.com:443")).toBe("www.example.com");
    expect(hostnameFromHostHeader("bad host/with/path")).toBeNull();
  });
});

describe("record rules", () => {
  it("accepts only absolute http(s) redirect targets without credentials", () => {
    expect(isRedirectTarget("https://example.org/a?b=c")).toBe(true);
    for (const bad of ["javascript:alert(1)", "//example.org", "/local", "ftp://example.org", "https://user:pw@example.org", "https://localhost"]) expect(isRedirectTarget(bad), bad).toBe(false);
  });

  it("quotes and splits long TXT values", () => {
    const long = "a".repeat(300);
    expect(txtContent(long)).toBe(`"${"a".repeat(255)}" "${"a".repeat(45)}"`);
    expect(txtContent('say "hi" \\')).toBe('"say \\"hi\\" \\\\"');
  });

  it("normalises hosts and fills the TTL", () => {
    expect(validateRow({ host: "", type: "A", value: " 192.0.2.1 " })).toEqual({
      ok: true,
      record: { host: "@", type: "A", value: "192.0.2.1", ttl: 3600, priority: null, weight: null, port: null, flags: null, tag: null },
    });
    expect(validateRow({ host: "WWW.", type: "CNAME", value: "Example.NET." })).toMatchObject({ ok: true, record: { host: "www", value: "example.net" } });
    expect(validateRow({ host: "www", type: "PTR", value: "x" })).toEqual({ ok: false, errors: { type: "dns.errors.typeInvalid" } });
  });
});
