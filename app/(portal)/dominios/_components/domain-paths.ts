/** The Spanish slugs of a domain's pages (fixed in the Dominios plan so every helper's links meet). */
export const DOMAINS_PATH = "/dominios";
export const RENEW_PATH = "/dominios/renovar";
export const REGISTER_PATH = "/dominios/registrar";
export const SEARCH_PATH = "/dominios/buscar";

export const DOMAIN_PAGES = {
  overview: "",
  autoRenew: "/auto-renovar",
  nameservers: "/servidores-de-nombres",
  lock: "/bloqueo",
  addons: "/complementos",
  contacts: "/contactos",
  privateNameservers: "/servidores-privados",
  dns: "/dns",
  emailForwarding: "/reenvio-de-correo",
  epp: "/codigo-epp",
} as const;
export type DomainPageKey = keyof typeof DOMAIN_PAGES;

export function domainPath(domainId: number, page: DomainPageKey = "overview"): string {
  return `${DOMAINS_PATH}/${domainId}${DOMAIN_PAGES[page]}`;
}
