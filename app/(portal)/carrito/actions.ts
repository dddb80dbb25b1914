"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { BILLING_CYCLES, DOMAIN_CHOICES } from "@/db/schema";
import { userAction, type ActionResult } from "@/lib/actions";
import { hasPermission } from "@/lib/auth/permissions";
import { addAddonToCart, addProductToCart, applyPromoCode, changeCartItemCycle, removeCartItem, removePromoCode, type CartResult } from "@/lib/orders/cart";
import { checkout } from "@/lib/orders/checkout";
import { parseRowId, rowIdField } from "@/lib/row-id";

const cycleField = z.enum(BILLING_CYCLES, { message: "store.errors.cycleNotOffered" });

function answer(result: CartResult): ActionResult {
  if (result.ok) return { ok: true };
  return { ok: false, error: result.error, fieldErrors: result.field ? { [result.field]: result.error } : undefined };
}

// The configure form names each option "option_<optionId>" with the chosen choice's id as its value.
const OPTION_FIELD = /^option_(\d{1,10})$/;

const addProductSchema = z
  .looseObject({
    productId: rowIdField("store.errors.productNotFound"),
    billingCycle: cycleField,
    domainChoice: z.enum(DOMAIN_CHOICES, { message: "store.errors.domainRequired" }).optional(),
    domain: z.string().max(300, { message: "store.errors.domainInvalid" }).optional(),
    domainYears: z
      .string()
      .regex(/^(10|[1-9])$/, { message: "store.errors.domainYearsInvalid" })
      .transform(Number)
      .optional(),
  })
  .transform((input, context) => {
    const configChoices: Record<string, number> = {};
    for (const [key, value] of Object.entries(input)) {
      const match = OPTION_FIELD.exec(key);
      if (!match) continue;
      if (value === "") continue;
      const choiceId = typeof value === "string" ? parseRowId(value) : null;
      const optionId = parseRowId(match[1]);
      if (choiceId === null || optionId === null) {
        context.addIssue({ code: "custom", path: ["options"], message: "store.errors.optionNotFound" });
        return z.NEVER;
      }
      configChoices[String(optionId)] = choiceId;
    }
    return { productId: input.productId, billingCycle: input.billingCycle, domainChoice: input.domainChoice, domain: input.domain, domainYears: input.domainYears, configChoices };
  });

/** "Añadir al carrito" from the configure page; the cart page is next. */
export const addProductAction = userAction({ schema: addProductSchema, permission: "orders" }, async (input, user) => {
  const result = await addProductToCart(user.scope, input);
  if (!result.ok) return answer(result);
  revalidatePath("/", "layout");
  redirect("/carrito?aviso=anadido");
});

export const addAddonAction = userAction(
  { schema: z.object({ addonId: rowIdField("store.errors.addonNotFound"), serviceId: rowIdField("store.errors.serviceNotFound") }), permission: "orders" },
  async (input, user) => {
    const result = await addAddonToCart(user.scope, input);
    if (!result.ok) return answer(result);
    revalidatePath("/", "layout");
    redirect("/carrito?aviso=anadido");
  },
);

export const changeCycleAction = userAction(
  { schema: z.object({ itemId: rowIdField("store.errors.itemNotFound"), billingCycle: cycleField }), permission: "orders", revalidate: "/carrito" },
  async (input, user) => answer(await changeCartItemCycle(user.scope, input)),
);

export const removeItemAction = userAction(
  { schema: z.object({ itemId: rowIdField("store.errors.itemNotFound") }), permission: "orders" },
  async ({ itemId }, user) => {
    const result = await removeCartItem(user.scope, itemId);
    if (result.ok) revalidatePath("/", "layout");
    return answer(result);
  },
);

export const applyPromoAction = userAction(
  {
    schema: z.object({ code: z.string().trim().min(1, { message: "store.errors.promoCodeRequired" }).max(50, { message: "store.errors.promoNotFound" }) }),
    permission: "orders",
    revalidate: "/carrito",
  },
  async ({ code }, user) => answer(await applyPromoCode(user.scope, code)),
);

export const removePromoAction = userAction({ schema: z.object({}), permission: "orders", revalidate: "/carrito" }, async (_input, user) =>
  answer(await removePromoCode(user.scope)),
);

/** "Realizar pedido": on to the order's invoice to pay it, or back to the cart for a user who may not see invoices. */
export const checkoutAction = userAction({ schema: z.object({}), permission: "orders" }, async (_input, user) => {
  const result = await checkout(user);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath("/", "layout");
  redirect(hasPermission(user, "invoices") ? `/facturacion/facturas/${result.invoiceId}` : `/carrito?pedido=${encodeURIComponent(result.reference)}`);
});
