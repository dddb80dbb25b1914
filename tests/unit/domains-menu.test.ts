import { describe, expect, it } from "vitest";
import { builtPagesFor, DASHBOARD_PATHS } from "@/app/(portal)/_dashboard/links";
import { isInMenu, menuFor } from "@/lib/portal/menu";

describe("Mis dominios in the menu", () => {
  it("is the first item of Dominios, with the domains permission", () => {
    const domains = menuFor({ isOwner: true, permissions: [] }).find((group) => group.key === "domains");
    expect(domains?.items[0]).toEqual({ key: "list", href: "/dominios", permission: "domains" });
  });

  it("shows only with the domains permission, and the dashboard's domains tile links to it only then", () => {
    const viewer = { isOwner: false, permissions: ["domains" as const] };
    expect(isInMenu(viewer, "/dominios")).toBe(true);
    expect(builtPagesFor(viewer)(DASHBOARD_PATHS.domains)).toBe(true);
    const billingOnly = { isOwner: false, permissions: ["invoices" as const] };
    expect(isInMenu(billingOnly, "/dominios")).toBe(false);
    expect(builtPagesFor(billingOnly)(DASHBOARD_PATHS.domains)).toBe(false);
  });
});
