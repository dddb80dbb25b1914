import { eq } from "drizzle-orm";
import { addons, type BillingCycle } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { auditCatalog, catalogWrite, refuse, withoutId, type Actor, type Context } from "./catalog-write";

export type AddonInput = {
  addonId: number | null;
  name: string;
  description: string | null;
  billingCycle: BillingCycle;
  currency: string;
  price: number;
  setupFee: number;
  hidden: boolean;
};

/**
 * An addon has one price, on one cycle and in one currency, as the addons table holds it. Addons are
 * never deleted (customers' services keep pointing at them): a hidden one is no longer sold.
 */
export async function saveAddon(staff: Actor, input: AddonInput, context: Context): Promise<ActionResult> {
  const { addonId, ...values } = input;
  return catalogWrite(
    async (tx) => {
      if (addonId === null) {
        const [row] = await tx.insert(addons).values(values).returning({ id: addons.id });
        await auditCatalog(tx, staff, context, "staff.catalog_addon_saved", { addonId: row!.id, before: null, after: values });
        return;
      }
      const [before] = await tx.select().from(addons).where(eq(addons.id, addonId)).for("update");
      if (!before) return refuse("adminCatalog.errors.addonNotFound");
      await tx.update(addons).set(values).where(eq(addons.id, addonId));
      await auditCatalog(tx, staff, context, "staff.catalog_addon_saved", { addonId, before: withoutId(before), after: values });
    },
    addonId === null ? "adminCatalog.addons.created" : "adminCatalog.addons.saved",
  );
}
