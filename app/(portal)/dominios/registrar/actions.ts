"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { userAction, type ActionResult } from "@/lib/actions";
import { addRegistrationToCart, addRenewalsToCart, addTransferToCart } from "@/lib/domains/orders/order-domains";
import type { CartResult } from "@/lib/orders/cart";
import { parseRowId } from "@/lib/row-id";

function answer(result: CartResult): ActionResult {
  if (result.ok) return { ok: true };
  return { ok: false, error: result.error, fieldErrors: result.field ? { [result.field]: result.error } : undefined };
}

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());
const yearsField = z
  .string()
  .regex(/^(10|[1-9])$/, { message: "store.errors.domainYearsInvalid" })
  .transform(Number);
const domainField = z.string().trim().min(1, { message: "store.errors.domainRequired" }).max(300, { message: "store.errors.domainInvalid" });

const registerSchema = z.object({
  domain: domainField,
  years: yearsField,
  idProtection: checkbox,
  dnsManagement: checkbox,
  emailForwarding: checkbox,
});

/** "Registrar un dominio" and "Añadir al carrito" on a free name of the search: into the cart, then the cart. */
export const addRegistrationAction = userAction({ schema: registerSchema, permission: "orders" }, async (input, user) => {
  const result = await addRegistrationToCart(user.scope, input);
  if (!result.ok) return answer(result);
  revalidatePath("/", "layout");
  redirect("/carrito?aviso=anadido");
});

const transferSchema = registerSchema.omit({ years: true }).extend({
  eppCode: z.string().trim().min(1, { message: "store.errors.domainEppCodeRequired" }).max(128, { message: "store.errors.domainEppCodeRequired" }),
});

/** "Transferir un dominio": with its EPP code, into the cart. */
export const addTransferAction = userAction({ schema: transferSchema, permission: "orders" }, async (input, user) => {
  const result = await addTransferToCart(user.scope, { ...input, years: 1 });
  if (!result.ok) return answer(result);
  revalidatePath("/", "layout");
  redirect("/carrito?aviso=anadido");
});

// The renew form names each row's checkbox "renew" (value: the domain id) and its years "years_<id>".
const YEARS_FIELD = /^years_(\d{1,10})$/;
const renewSchema = z.looseObject({ renew: z.union([z.string(), z.array(z.string())]).optional() }).transform((input, context) => {
  const ticked = input.renew === undefined ? [] : Array.isArray(input.renew) ? input.renew : [input.renew];
  const years = new Map<number, number>();
  for (const [key, value] of Object.entries(input)) {
    const match = YEARS_FIELD.exec(key);
    const id = match ? parseRowId(match[1]) : null;
    if (id === null) continue;
    if (typeof value !== "string" || !/^(10|[1-9])$/.test(value)) {
      context.addIssue({ code: "custom", path: ["renew"], message: "store.errors.domainYearsInvalid" });
      return z.NEVER;
    }
    years.set(id, Number(value));
  }
  const renewals: { domainId: number; years: number }[] = [];
  for (const raw of ticked) {
    const domainId = parseRowId(raw);
    if (domainId === null) {
      context.addIssue({ code: "custom", path: ["renew"], message: "store.errors.domainNotYours" });
      return z.NEVER;
    }
    renewals.push({ domainId, years: years.get(domainId) ?? 1 });
  }
  return { renewals };
});

/** "Pedir ahora" on Renovar dominios: every ticked domain for its years, or none. */
export const addRenewalsAction = userAction({ schema: renewSchema, permission: "orders" }, async ({ renewals }, user) => {
  if (renewals.length === 0) return { ok: false, error: "domainOrders.renew.noneSelected", fieldErrors: { renew: "domainOrders.renew.noneSelected" } };
  const result = await addRenewalsToCart(user.scope, renewals);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.domain ? { [result.domain]: result.error } : undefined };
  revalidatePath("/", "layout");
  redirect("/carrito?aviso=anadido");
});
