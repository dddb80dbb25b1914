import { describe, expect, it } from "vitest";
import { baseUrl } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

const browser = setUpBrowser();

describe("smoke", () => {
  it("serves the sign-in page with an email field", async () => {
    const response = await fetch(`${baseUrl()}/acceder`, { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);

    const page = await browser.newPage();
    const navigation = await page.goto("/acceder");
    expect(navigation?.status()).toBe(200);
    await expect.poll(() => page.locator('input[name="email"]').isVisible()).toBe(true);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await page.context().close();
  });

  it("sends a signed-out visitor of / to /acceder", async () => {
    const response = await fetch(`${baseUrl()}/`, { redirect: "manual" });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).toBeLessThan(400);
    expect(new URL(response.headers.get("location") ?? "", baseUrl()).pathname).toBe("/acceder");

    const page = await browser.newPage({ viewport: "phone" });
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/acceder");
    await page.context().close();
  });
});
