/**
 * Stands in for "next/navigation" in tests that call pages and server actions directly: Next's
 * redirect(), notFound() and forbidden() throw errors its own runtime catches; here they throw
 * these, so a test can tell which one a page or an action ended with. Use with
 *   vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
 */
export class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

export class NotFound extends Error {}

export class Forbidden extends Error {}

export function redirect(url: string): never {
  throw new Redirected(url);
}

export function notFound(): never {
  throw new NotFound();
}

export function forbidden(): never {
  throw new Forbidden();
}
