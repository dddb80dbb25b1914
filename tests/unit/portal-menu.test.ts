import { describe, expect, it } from "vitest";
import { accountMenuFor, menuFor } from "@/lib/portal/menu";

const hrefs = (groups: ReturnType<typeof menuFor>) => groups.flatMap((group) => [group.href, ...group.items.map((item) => item.href)]).filter(Boolean);

describe("portal menu", () => {
  it("shows the owner every built page", () => {
    const owner = { isOwner: true, permissions: [] };
    expect(hrefs(menuFor(owner))).toEqual(expect.arrayContaining(["/", "/soporte/tickets", "/soporte/anuncios"]));
    expect(accountMenuFor(owner).map((item) => item.href)).toEqual(
      expect.arrayContaining(["/cuenta", "/cuenta/contactos", "/cuenta/correos", "/cuenta/actividad", "/cuenta/exportar"]),
    );
  });

  it("hides what a sub-account has no permission for, and drops empty groups", () => {
    const billingOnly = { isOwner: false, permissions: ["invoices" as const, "quotes" as const] };
    const links = hrefs(menuFor(billingOnly));
    expect(links).not.toContain("/soporte/tickets");
    expect(links).toContain("/soporte/anuncios");
    // Everyone manages their own password and security; the account's data and records need permissions.
    expect(accountMenuFor(billingOnly).map((item) => item.href)).toEqual(["/cuenta/contrasena", "/cuenta/seguridad"]);
    for (const group of menuFor(billingOnly)) expect(group.href || group.items.length > 0).toBeTruthy();
  });

  it("keeps the activity log and the data export for the owner, whatever a sub-account's permissions", () => {
    const everything = { isOwner: false, permissions: ["profile" as const, "contacts" as const, "emails" as const] };
    const links = accountMenuFor(everything).map((item) => item.href);
    expect(links).toEqual(expect.arrayContaining(["/cuenta", "/cuenta/contactos", "/cuenta/correos"]));
    expect(links).not.toContain("/cuenta/actividad");
    expect(links).not.toContain("/cuenta/exportar");
  });

  it("gives a sub-account with the tickets permission the tickets page", () => {
    expect(hrefs(menuFor({ isOwner: false, permissions: ["tickets"] }))).toContain("/soporte/tickets");
  });
});
