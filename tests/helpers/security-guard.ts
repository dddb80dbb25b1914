import type { BrowserContext, Response } from "playwright-core";
import { parseContentSecurityPolicy } from "@/lib/http/security-headers";

// Watches every browser context the e2e helpers open (tests/helpers/browser.ts newPage): each
// document the portal serves must carry the security headers, HTML ones a CSP whose scripts need
// this request's nonce, and no page may log a Content-Security-Policy or Permissions-Policy error.
// Problems are collected here; setUpBrowser (tests/helpers/sign-in.ts) fails the test that saw them.

const problems: string[] = [];
const pendingChecks = new Set<Promise<void>>();
const seenNonces = new Set<string>();
let checkedDocuments = 0;

/** What the console says when a policy blocked something (or a header could not be parsed). */
const POLICY_MESSAGE = /content[- ]security[- ]policy|permissions[- ]policy/i;

const EXPECTED_HEADERS: Record<string, (value: string) => boolean> = {
  "x-content-type-options": (value) => value === "nosniff",
  "referrer-policy": (value) => value === "strict-origin-when-cross-origin" || value === "no-referrer",
  "permissions-policy": (value) => /\bcamera=\(\)/.test(value) && /\bmicrophone=\(\)/.test(value) && /\bgeolocation=\(\)/.test(value),
};

/** The problems with one document response's headers (empty when it is fine). */
export function documentHeaderProblems(url: string, headers: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, isRight] of Object.entries(EXPECTED_HEADERS)) {
    const value = headers[name];
    if (value === undefined || !isRight(value)) found.push(`${url}: ${name} is ${value === undefined ? "missing" : `"${value}"`}`);
  }
  if (!(headers["content-type"] ?? "").startsWith("text/html")) return found;

  const policy = headers["content-security-policy"];
  if (!policy) return [...found, `${url}: an HTML document without Content-Security-Policy`];
  const directives = parseContentSecurityPolicy(policy);
  const scripts = directives.get("script-src") ?? directives.get("default-src") ?? [];
  // Either no script may run at all (the sent-email frame) or only the nonce'd ones.
  const blocksAllScripts = scripts.length === 1 && scripts[0] === "'none'";
  if (!blocksAllScripts) {
    const nonces = scripts.filter((source) => source.startsWith("'nonce-"));
    if (nonces.length !== 1) found.push(`${url}: script-src has no nonce ("${scripts.join(" ")}")`);
    if (scripts.includes("'unsafe-inline'")) found.push(`${url}: script-src allows 'unsafe-inline'`);
    if (scripts.includes("'unsafe-eval'")) found.push(`${url}: script-src allows 'unsafe-eval'`);
    for (const nonce of nonces) {
      if (seenNonces.has(nonce)) found.push(`${url}: nonce ${nonce} was already used by another response`);
      seenNonces.add(nonce);
    }
  }
  if (!directives.has("frame-ancestors") && !headers["x-frame-options"]) found.push(`${url}: neither frame-ancestors nor X-Frame-Options`);
  if (!blocksAllScripts) {
    for (const [name, expected] of [["object-src", "'none'"], ["base-uri", "'self'"]] as const) {
      if (directives.get(name)?.join(" ") !== expected) found.push(`${url}: ${name} is not ${expected}`);
    }
    if (!directives.get("form-action")?.includes("'self'")) found.push(`${url}: form-action does not name 'self'`);
  }
  return found;
}

async function checkDocument(response: Response, origin: string): Promise<void> {
  let headers: Record<string, string>;
  try {
    headers = await response.allHeaders();
  } catch {
    return; // The context closed before the headers were read: nothing left to judge.
  }
  checkedDocuments += 1;
  problems.push(...documentHeaderProblems(`${response.status()} ${response.url().replace(origin, "")}`, headers));
}

/** Starts watching a context: its documents' headers and its pages' console and errors. */
export function watchSecurity(context: BrowserContext, baseUrl: string): void {
  const origin = new URL(baseUrl).origin;
  context.on("response", (response) => {
    if (response.request().resourceType() !== "document" || new URL(response.url()).origin !== origin) return;
    const check = checkDocument(response, origin).finally(() => pendingChecks.delete(check));
    pendingChecks.add(check);
  });
  context.on("console", (message) => {
    if (POLICY_MESSAGE.test(message.text())) problems.push(`console ${message.type()} on ${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
  context.on("weberror", (error) => {
    const text = String(error.error()?.message ?? error.error());
    if (POLICY_MESSAGE.test(text)) problems.push(`page error on ${error.page()?.url() ?? "?"}: ${text}`);
  });
}

/** The problems seen since the last call (after the header checks under way have finished); clears them. */
export async function takeSecurityProblems(): Promise<string[]> {
  await Promise.allSettled([...pendingChecks]);
  return problems.splice(0, problems.length);
}

/** How many document responses have been checked so far (the guard's own test reads it). */
export async function checkedDocumentCount(): Promise<number> {
  await Promise.allSettled([...pendingChecks]);
  return checkedDocuments;
}
