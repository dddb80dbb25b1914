import { describe, expect, it } from "vitest";
import { expectNoHorizontalScroll, screenshot } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// The sandbox panel's one-time page, signed out as a real panel link is followed: an unknown, used
// or expired token is a 404 that says so, and fits the narrowest phone. (The page for a live token
// is rendered by tests/integration/sandbox-panel.test.ts; the journey that clicks "Acceder a
// cPanel" belongs to the services pages.)
const browser = setUpBrowser();

describe("sandbox panel page", () => {
  it("answers 404 'Enlace caducado o ya usado' to a link that is not (or no longer) valid, at 360 px", async () => {
    const page = await browser.newPage({ viewport: "narrow" });
    const navigation = await page.goto(`/panel-de-pruebas/${"A".repeat(43)}`);
    expect(navigation?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Enlace caducado o ya usado" }).isVisible()).toBe(true);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "sandbox-panel-link-gone-360");
    await page.context().close();
  });
});
