import { beforeEach, vi } from "vitest";

// For integration tests of server actions: the real action wrapper runs; only what needs a live
// request is replaced: Auth.js's session lookup, the request headers and cookies, and the cache
// revalidation. Import this module before anything that loads an action (the mocks apply to modules
// loaded after it), then load the action with `await import(...)`.

// Not vi.hoisted (its result cannot be exported): the factories below run only when a mocked module
// is first loaded, after this module has run.
export const request = {
  auth: vi.fn(),
  cookiesSet: vi.fn(),
  revalidatePath: vi.fn(),
  headers: new Headers(),
};
vi.mock("@/lib/auth/config", () => ({ auth: request.auth }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: async () => ({ set: request.cookiesSet }) }));
vi.mock("next/cache", () => ({ revalidatePath: request.revalidatePath }));

/**
 * Requests come from `forwardedFor` (the X-Forwarded-For the action reads the client address from);
 * the mocks are reset before each test of the file.
 */
export function mockActionRequest({ forwardedFor }: { forwardedFor: string }): typeof request {
  request.headers = new Headers({ "x-forwarded-for": forwardedFor });
  beforeEach(() => {
    request.auth.mockReset();
    request.cookiesSet.mockReset();
    request.revalidatePath.mockReset();
  });
  return request;
}
