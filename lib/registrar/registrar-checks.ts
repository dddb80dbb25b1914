import { isIP } from "node:net";
import { RegistrarError, type PrivateNameserver } from "./registrar";

export const MIN_NAMESERVERS = 2;
export const MAX_NAMESERVERS = 5;

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** A lower-case host name with at least one dot (ns1.example.com). */
export function isHostName(value: string): boolean {
  return HOST_NAME.test(value);
}

/**
 * What every registry refuses, checked before a call so each adapter refuses the same way. Hosts
 * under `.invalid` (RFC 2606) never resolve: the sandbox refuses them, as a registry refuses a name
 * server that does not exist, so that refusal can be tried in a demo.
 */
export function checkNameservers(nameservers: string[]): void {
  const unique = new Set(nameservers);
  if (nameservers.length < MIN_NAMESERVERS || nameservers.length > MAX_NAMESERVERS || unique.size !== nameservers.length) {
    throw new RegistrarError("invalid_nameserver", `need ${MIN_NAMESERVERS} to ${MAX_NAMESERVERS} distinct name servers`);
  }
  const bad = nameservers.find((host) => !isHostName(host) || host.endsWith(".invalid"));
  if (bad) throw new RegistrarError("invalid_nameserver", `not a usable name server: ${bad}`);
}

/** A glue record must sit under the domain itself and carry at least one address of the right family. */
export function checkPrivateNameserver(domainName: string, nameserver: PrivateNameserver): void {
  if (!isHostName(nameserver.host) || !nameserver.host.endsWith(`.${domainName}`)) {
    throw new RegistrarError("invalid_nameserver", `${nameserver.host} is not under ${domainName}`);
  }
  const addresses = nameserver.ipv4.length + nameserver.ipv6.length;
  if (addresses === 0 || nameserver.ipv4.some((ip) => isIP(ip) !== 4) || nameserver.ipv6.some((ip) => isIP(ip) !== 6)) {
    throw new RegistrarError("invalid_nameserver", `bad addresses for ${nameserver.host}`);
  }
}
