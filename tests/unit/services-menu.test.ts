import { describe, expect, it } from "vitest";
import { builtPagesFor, DASHBOARD_PATHS } from "@/app/(portal)/_dashboard/links";
import { isInMenu, menuFor } from "@/lib/portal/menu";

describe("Productos y servicios in the menu", () => {
  it("comes right after Inicio with its three items in the walkthrough's order", () => {
    const groups = menuFor({ isOwner: true, permissions: [] });
    expect(groups.map((group) => group.key).slice(0, 2)).toEqual(["home", "products"]);
    expect(groups[1]!.items.map((item) => [item.key, item.href, item.permission])).toEqual([
      ["services", "/productos", "products"],
      ["order", "/productos/contratar", "orders"],
      ["addons", "/productos/complementos", "orders"],
    ]);
  });

  it("shows each item only with its permission, and the dashboard links the service pages only then", () => {
    const viewer = { isOwner: false, permissions: ["products" as const] };
    expect(isInMenu(viewer, "/productos")).toBe(true);
    expect(isInMenu(viewer, "/productos/contratar")).toBe(false);
    expect(builtPagesFor(viewer)(DASHBOARD_PATHS.services)).toBe(true);

    const billingOnly = { isOwner: false, permissions: ["invoices" as const] };
    expect(menuFor(billingOnly).some((group) => group.key === "products")).toBe(false);
    expect(builtPagesFor(billingOnly)(DASHBOARD_PATHS.services)).toBe(false);

    const buyer = { isOwner: false, permissions: ["orders" as const] };
    expect(menuFor(buyer).find((group) => group.key === "products")?.items.map((item) => item.href)).toEqual(["/productos/contratar", "/productos/complementos"]);
  });
});
