import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { launchBrowser, newPage, signInToDashboard, type ViewportName } from "./browser";
import { takeSecurityProblems } from "./security-guard";

/** Who signs in (with the demo password unless given) and at which width. */
export type SignInAs = { email: string; password?: string; viewport?: ViewportName };

/** The chromium of one e2e file and the pages it opens, each in a context (cookie jar) of its own. */
export type FileBrowser = {
  /** The browser itself, for helpers that open contexts of their own; there from the first beforeAll on. */
  readonly chromium: Browser;
  newPage(options?: { viewport?: ViewportName }): Promise<Page>;
  /** A new page signed in as `login`, left on the dashboard; the caller closes its context. */
  openSignedInPage(login: SignInAs): Promise<Page>;
  /** Runs `run` on a new page at `viewport` and closes its context after, whatever happens. */
  withPage<T>(viewport: ViewportName, run: (page: Page) => Promise<T>): Promise<T>;
  /** The same, on a page signed in as `login` first. */
  withSignedInPage<T>(login: SignInAs, run: (page: Page) => Promise<T>): Promise<T>;
  /** Signs in as `login` on a page of its own, then closes it: fails unless the dashboard opens. */
  expectSignIn(login: SignInAs): Promise<void>;
};

async function failOnSecurityProblems(): Promise<void> {
  const problems = await takeSecurityProblems();
  if (problems.length > 0) throw new Error(`Security headers or policy errors:\n${problems.join("\n")}`);
}

async function closingAfter<T>(page: Page, run: (page: Page) => Promise<T>): Promise<T> {
  try {
    return await run(page);
  } finally {
    await page.context().close();
  }
}

/**
 * One chromium for the calling test file: launched in a beforeAll, closed in an afterAll. Call it at
 * the top of the file, before hooks that use it (vitest runs beforeAll hooks in the order given).
 */
export function setUpBrowser(): FileBrowser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  // Every document served must carry the security headers and no page may log a policy error: the
  // test during which that happened fails (what a beforeAll saw fails the first test).
  afterEach(failOnSecurityProblems);
  afterAll(async () => {
    try {
      await failOnSecurityProblems();
    } finally {
      await launched?.close();
    }
  });

  const chromium = (): Browser => {
    if (!launched) throw new Error("setUpBrowser(): the browser is launched in beforeAll; use it from a hook or a test");
    return launched;
  };
  const openSignedInPage = async (login: SignInAs): Promise<Page> => {
    const page = await newPage(chromium(), { viewport: login.viewport });
    try {
      await signInToDashboard(page, login.email, login.password);
    } catch (error) {
      await page.context().close();
      throw error;
    }
    return page;
  };
  return {
    get chromium() {
      return chromium();
    },
    newPage: (options = {}) => newPage(chromium(), options),
    openSignedInPage,
    withPage: async (viewport, run) => closingAfter(await newPage(chromium(), { viewport }), run),
    withSignedInPage: async (login, run) => closingAfter(await openSignedInPage(login), run),
    expectSignIn: async (login) => (await openSignedInPage(login)).context().close(),
  };
}
