import { z } from "zod";

// The only reader of process.env. Every variable is optional so the portal starts with none set:
// the embedded defaults (PGlite, sandbox providers, outbox email) take over.
const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  PGLITE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
  APP_BASE_URL: z.preprocess(emptyToUndefined, z.url().default("http://localhost:3000")),
  AUTH_SECRET: optionalString,
  DEMO_DATA: z.preprocess(emptyToUndefined, z.enum(["on", "off"]).optional()),
  RESEND_API_KEY: optionalString,
  EMAIL_FROM: z.preprocess(emptyToUndefined, z.string().default("Área de cliente <no-responder@example.com>")),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  CRON_SECRET: optionalString,
  FILE_MAX_BYTES: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(10 * 1024 * 1024)),
  // Which registrar registers domains. "logicboxes": the LogicBoxes (ResellerClub) HTTP API with the
  // LOGICBOXES_* variables below; "sandbox": the embedded sandbox registry. Unset: LogicBoxes when a
  // LOGICBOXES_* key is set, the sandbox otherwise (lib/registrar/choose-registrar.ts).
  REGISTRAR: z.preprocess(emptyToUndefined, z.enum(["logicboxes", "sandbox"]).optional()),
  // https://httpapi.com/api (live) or https://test.httpapi.com/api (the vendor's test account).
  LOGICBOXES_API_URL: z.preprocess(emptyToUndefined, z.url().default("https://httpapi.com/api")),
  // Where availability is checked (domains/available.json), if not at LOGICBOXES_API_URL: the vendor
  // documents https://domaincheck.httpapi.com/api for live checks.
  LOGICBOXES_DOMAINCHECK_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  // The reseller id (auth-userid) and API key; the key is never logged.
  LOGICBOXES_RESELLER_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d+$/, "digits only").optional()),
  LOGICBOXES_API_KEY: optionalString,
  // The customer (under the reseller) every domain and WHOIS contact is created under.
  LOGICBOXES_CUSTOMER_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d+$/, "digits only").optional()),
  // How long one LogicBoxes call may take before it counts as "registrar unavailable".
  LOGICBOXES_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(120_000).default(20_000)),
  // How many proxies in front of the app append to x-forwarded-for (a Vercel-style host: 1). The
  // client's address is the entry that many places from the right; earlier entries are the client's
  // own words. 0, the default (a bare `next start`): no forwarded header is believed and every
  // request shares one per-IP rate-limit bucket, so spoofing the header gains nothing; per-account
  // limits still hold. See lib/auth/client-ip.ts.
  // AES-256-GCM keys (32 bytes, base64) sealing the two-factor secrets; _PREVIOUS opens values sealed
  // before a rotation. Unset: a development key, refused in production on PostgreSQL.
  TOTP_ENCRYPTION_KEY: optionalString,
  TOTP_ENCRYPTION_KEY_PREVIOUS: optionalString,
  // Which AEAT environment the invoices' VERI*FACTU QR points at ("pruebas" until the company is live).
  VERIFACTU_ENVIRONMENT: z.preprocess(emptyToUndefined, z.enum(["pruebas", "produccion"]).default("pruebas")),
  // Strict-Transport-Security max-age, sent only in production when APP_BASE_URL is https; 0: never.
  HSTS_MAX_AGE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(31_536_000)),
  TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  // Which control panel runs hosting accounts. "whm": the WHM API 1 adapter, on the servers of the
  // `servers` table (each names the variable holding its token in servers.token_env, read through
  // whmToken below). "sandbox": the embedded sandbox panel (accounts kept in the database, a local
  // test page for SSO). Unset: the sandbox, except in production on PostgreSQL, where an unset value
  // turns panel calls off (services stay "pending" with the reason) rather than pretending accounts
  // exist; set HOSTING_PANEL=sandbox there to choose the sandbox on purpose (a staging site).
  HOSTING_PANEL: z.preprocess(emptyToUndefined, z.enum(["whm", "sandbox"]).optional()),
  // How long one WHM API call may take before it counts as "panel unavailable".
  WHM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(100).max(120_000).default(15_000)),
  // Sends every WHM call to this address instead of https://HOST:PORT of the server row: an SSH
  // tunnel or a proxy in front of the panels, or the WHM stand-in the benchmark starts.
  WHM_BASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  // Passkeys (WebAuthn): the relying party id (the site's host name, no scheme or port) and the exact
  // origin the browser reports. Unset: both come from APP_BASE_URL (http://localhost:3000 in development).
  // A passkey is bound to its RP id: changing it later makes every registered passkey useless.
  WEBAUTHN_RP_ID: optionalString,
  WEBAUTHN_ORIGIN: z.preprocess(emptyToUndefined, z.url().optional()),
  // Our PowerDNS Authoritative server's HTTP API (the webserver of pdns_server, e.g.
  // http://127.0.0.1:8081) and its api-key; both set: DNS zones live there, unset: the sandbox.
  PDNS_API_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  PDNS_API_KEY: optionalString,
  PDNS_SERVER_ID: z.preprocess(emptyToUndefined, z.string().default("localhost")),
  // Other names the portal itself is served under, comma-separated, besides APP_BASE_URL's host and
  // localhost (a second domain, a preview host). Any other Host is taken for a URL Redirect host.
  PORTAL_HOSTS: optionalString,
  // The portal's public addresses: URL Redirect / URL Frame hosts get A (and AAAA) records pointing here.
  REDIRECT_SERVER_IPV4: z.preprocess(emptyToUndefined, z.ipv4().default("127.0.0.1")),
  REDIRECT_SERVER_IPV6: z.preprocess(emptyToUndefined, z.ipv6().optional()),
  // The forwarding service's mail exchangers, "PRIORITY HOST" separated by commas: the zone's MX
  // records while the domain has email forwards.
  EMAIL_FORWARDING_MX: z.preprocess(emptyToUndefined, z.string().default("10 mx1.reenvio.example-hosting.es,20 mx2.reenvio.example-hosting.es")),
  // How many email forwards one domain may have.
  EMAIL_FORWARDS_PER_DOMAIN: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(10)),
});

export type Env = z.infer<typeof envSchema>;

function readEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export const env = readEnv();

export const isEmbeddedDatabase = env.DATABASE_URL === undefined;

// Demo data is loaded automatically only into the embedded database, unless asked otherwise.
export const loadDemoData = env.DEMO_DATA ? env.DEMO_DATA === "on" : isEmbeddedDatabase;

// A fixed development secret keeps `npm run dev` working with no configuration; production must set one.
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && !isEmbeddedDatabase) {
    throw new Error("AUTH_SECRET must be set in production.");
  }
  return "development-only-secret-change-me-0123456789abcdef";
}

function encryptionKey(name: string, value: string): Buffer {
  const bytes = Buffer.from(value, "base64");
  if (bytes.length !== 32) throw new Error(`${name} must be 32 bytes in base64 (openssl rand -base64 32).`);
  return bytes;
}

/** The keys sealing stored secrets (lib/auth/secret-box.ts): the current one and, during a rotation, the previous. */
export function secretBoxKeys(): { current: Buffer; previous: Buffer | null } {
  const previous = env.TOTP_ENCRYPTION_KEY_PREVIOUS ? encryptionKey("TOTP_ENCRYPTION_KEY_PREVIOUS", env.TOTP_ENCRYPTION_KEY_PREVIOUS) : null;
  if (env.TOTP_ENCRYPTION_KEY) return { current: encryptionKey("TOTP_ENCRYPTION_KEY", env.TOTP_ENCRYPTION_KEY), previous };
  if (env.NODE_ENV === "production" && !isEmbeddedDatabase) {
    throw new Error("TOTP_ENCRYPTION_KEY must be set in production.");
  }
  // Development only: the embedded default works with no configuration.
  return { current: Buffer.from("development-only-totp-key-000000", "utf8"), previous };
}

// The only names a servers.token_env value may take: a row cannot make the portal read DATABASE_URL
// or AUTH_SECRET and send it to a panel as a token.
const WHM_TOKEN_VARIABLE = /^WHM_TOKEN_[A-Z0-9_]+$/;

export function isWhmTokenVariableName(name: string): boolean {
  return WHM_TOKEN_VARIABLE.test(name);
}

/**
 * The WHM API token held in the variable a server row names (e.g. WHM_TOKEN_SERVER1); null when the
 * name is not a WHM_TOKEN_* name or the variable is unset or blank. The value is never logged.
 */
export function whmToken(variableName: string | null | undefined): string | null {
  if (!variableName || !isWhmTokenVariableName(variableName)) return null;
  const value = process.env[variableName]?.trim();
  return value ? value : null;
}

/** Where passkeys belong: the RP id they are bound to and the origin every browser answer must come from. */
export function webauthnRelyingParty(): { rpId: string; origin: string } {
  const base = new URL(env.APP_BASE_URL);
  const origin = env.WEBAUTHN_ORIGIN ? new URL(env.WEBAUTHN_ORIGIN).origin : base.origin;
  const host = new URL(origin).hostname;
  const rpId = env.WEBAUTHN_RP_ID ?? host;
  // Browsers refuse an RP id the page's host is not equal to or a subdomain of: say so at once.
  if (host !== rpId && !host.endsWith(`.${rpId}`)) {
    throw new Error(`WEBAUTHN_RP_ID (${rpId}) must be the host of WEBAUTHN_ORIGIN (${origin}) or a parent domain of it.`);
  }
  return { rpId, origin };
}
