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
  // How many proxies in front of the app append to x-forwarded-for (a Vercel-style host: 1). The
  // client's address is the entry that many places from the right; earlier entries are the client's
  // own words. 0, the default (a bare `next start`): no forwarded header is believed and every
  // request shares one per-IP rate-limit bucket, so spoofing the header gains nothing; per-account
  // limits still hold. See lib/auth/client-ip.ts.
  TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
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

/**
 * A hosting server's API token, read from the variable its row names (servers.tokenEnv). Only names
 * of the form WHM_TOKEN_* are read, so a row can never point at another secret.
 */
export function hostingServerToken(variable: string | null | undefined): string | null {
  if (!variable || !/^WHM_TOKEN_[A-Z0-9_]{1,48}$/.test(variable)) return null;
  return process.env[variable] || null;
}
