import { env } from "@/lib/env";

/** The per-IP bucket of every request whose address cannot be trusted (per-account limits still hold). */
export const UNKNOWN_CLIENT_IP = "unknown";
const IP_MAX_LENGTH = 64;

/**
 * The caller's address as the first of `trustedProxyHops` proxies in front of the app saw it.
 *
 * Each proxy appends the address it received the request from to x-forwarded-for, so only the last
 * `trustedProxyHops` entries were written by someone we trust: the entry that many places from the
 * right is the client, and anything left of it is whatever the client chose to send. With 0 hops
 * (a bare `next start`) no forwarded header is believed: Next.js fills x-forwarded-for with the
 * socket address only when the client sent none, so the client controls it, and every request shares
 * one bucket. A chain shorter than the hops is read from its leftmost entry, which a trusted proxy wrote.
 */
export function clientIpFrom(headers: Headers, trustedProxyHops: number): string {
  if (trustedProxyHops <= 0) return UNKNOWN_CLIENT_IP;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return UNKNOWN_CLIENT_IP;
  const client = chain[Math.max(chain.length - trustedProxyHops, 0)]!;
  return client.slice(0, IP_MAX_LENGTH);
}

/** The caller's IP for rate limits and the audit log, by the TRUSTED_PROXY_HOPS setting. */
export function clientIp(headers: Headers): string {
  return clientIpFrom(headers, env.TRUSTED_PROXY_HOPS);
}
