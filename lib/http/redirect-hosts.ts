import { isIP } from "node:net";

/**
 * Requests whose Host is not one of the portal's own names are for URL Redirect / URL Frame hosts
 * (the zone points them at the portal's address): proxy.ts rewrites them to this route handler,
 * which answers from the stored redirects only (301, a frame page, or 404).
 */
export const REDIRECT_HOST_ROUTE = "/api/redirect-host";

const LOOPBACK_NAMES: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "::1"]);

/** The host name of a Host header, lower-case, without port, brackets or trailing dot. */
export function hostHeaderName(host: string | null): string | null {
  if (!host) return null;
  const trimmed = host.trim().toLowerCase();
  const withoutPort = trimmed.startsWith("[") ? trimmed.slice(1, trimmed.indexOf("]")) : trimmed.replace(/:\d+$/, "");
  const name = withoutPort.replace(/\.$/, "");
  return name === "" ? null : name;
}

/** The portal's own names: APP_BASE_URL's host, PORTAL_HOSTS and loopback. */
export function portalHostnames(input: { publicUrl: string; extraHosts?: string | undefined }): ReadonlySet<string> {
  const names = new Set(LOOPBACK_NAMES);
  names.add(new URL(input.publicUrl).hostname.toLowerCase().replace(/^\[|\]$/g, ""));
  for (const extra of (input.extraHosts ?? "").split(",")) {
    const name = hostHeaderName(extra);
    if (name) names.add(name);
  }
  return names;
}

/**
 * Whether a request is for a redirect host: a Host that names something other than the portal. No
 * Host, an IP address (a redirect host is always a name) or one of the portal's names: the portal.
 */
export function isRedirectHostRequest(host: string | null, portalNames: ReadonlySet<string>): boolean {
  const name = hostHeaderName(host);
  if (!name || isIP(name) !== 0) return false;
  return !portalNames.has(name);
}
