import { and, eq, ne } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { productGroups, products } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { auditCatalog, catalogWrite, refuse, withoutId, refuseField, type Actor, type Context } from "./catalog-write";

export type GroupInput = { groupId: number | null; name: string; slug: string; description: string | null; hidden: boolean; sortOrder: number };

const SLUG_TAKEN = { field: "slug", error: "adminCatalog.errors.slugTaken" };

async function slugTaken(tx: Transaction, slug: string, exceptId: number | null): Promise<boolean> {
  const rows = await tx
    .select({ id: productGroups.id })
    .from(productGroups)
    .where(and(eq(productGroups.slug, slug), exceptId === null ? undefined : ne(productGroups.id, exceptId)));
  return rows.length > 0;
}

/** Creates a group (no groupId) or changes one; a hidden group hides all its products from the store. */
export async function saveProductGroup(staff: Actor, input: GroupInput, context: Context): Promise<ActionResult> {
  const values = { name: input.name, slug: input.slug, description: input.description, hidden: input.hidden, sortOrder: input.sortOrder };
  return catalogWrite(
    async (tx) => {
      if (await slugTaken(tx, input.slug, input.groupId)) refuseField("slug", SLUG_TAKEN.error);
      if (input.groupId === null) {
        const [row] = await tx.insert(productGroups).values(values).returning({ id: productGroups.id });
        await auditCatalog(tx, staff, context, "staff.catalog_group_saved", { groupId: row!.id, before: null, after: values });
        return;
      }
      const [before] = await tx.select().from(productGroups).where(eq(productGroups.id, input.groupId)).for("update");
      if (!before) return refuse("adminCatalog.errors.groupNotFound");
      await tx.update(productGroups).set(values).where(eq(productGroups.id, input.groupId));
      await auditCatalog(tx, staff, context, "staff.catalog_group_saved", { groupId: input.groupId, before: withoutId(before), after: values });
    },
    input.groupId === null ? "adminCatalog.groups.created" : "adminCatalog.groups.saved",
    SLUG_TAKEN,
  );
}

/** A product starts with no price: the store lists it only once it has one in the customer's currency. */
export async function createProduct(staff: Actor, input: { groupId: number; name: string }, context: Context): Promise<ActionResult<{ productId: number }>> {
  let productId = 0;
  const result = await catalogWrite(async (tx) => {
    const [group] = await tx.select({ id: productGroups.id }).from(productGroups).where(eq(productGroups.id, input.groupId));
    if (!group) refuseField("groupId", "adminCatalog.errors.groupNotFound");
    const [row] = await tx.insert(products).values({ groupId: input.groupId, name: input.name }).returning({ id: products.id });
    productId = row!.id;
    await auditCatalog(tx, staff, context, "staff.catalog_product_saved", { productId, before: null, after: { groupId: input.groupId, name: input.name } });
  }, "adminCatalog.products.created");
  return result.ok ? { ...result, data: { productId } } : result;
}
