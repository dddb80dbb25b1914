"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import type { StaffRole } from "@/lib/auth/scope";
import { saveAddon } from "@/lib/staff/catalog/addon-writes";
import {
  addonForm,
  choiceForm,
  choicePriceForm,
  deleteChoiceForm,
  deleteOptionForm,
  groupForm,
  newProductForm,
  optionForm,
  productAddonsForm,
  productForm,
  productIdForm,
  productPriceForm,
  promoActiveForm,
  promoForm,
  removeChoicePriceForm,
  removeProductPriceForm,
  removeTldPriceForm,
  stopSellingTldForm,
  tldPriceForm,
} from "@/lib/staff/catalog/catalog-forms";
import { createProduct, saveProductGroup } from "@/lib/staff/catalog/group-writes";
import { deleteChoice, deleteOption, removeChoicePrice, saveChoice, saveChoicePrice, saveOption } from "@/lib/staff/catalog/option-writes";
import { deleteProduct, removeProductPrice, saveProductPrice, setProductAddons, updateProduct } from "@/lib/staff/catalog/product-writes";
import { savePromoCode, setPromoActive } from "@/lib/staff/catalog/promo-writes";
import { removeTldPrice, saveTldPrice, stopSellingTld } from "@/lib/staff/catalog/tld-writes";
import { staffAction } from "@/lib/staff/staff-action";

const context = async () => ({ ip: clientIp(await headers()) });

// What the store sells and at what price is for administrators only: support and billing get 403.
const ADMIN: readonly StaffRole[] = ["admin"];

// Every catalogue page reads the same rows: a write refreshes all of /admin/catalogo and the store's list.
function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    revalidatePath("/admin/catalogo", "layout");
    revalidatePath("/productos/contratar", "layout");
  }
  return result;
}

export const saveGroupAction = staffAction({ schema: groupForm, roles: ADMIN }, async (input, staff) => refreshed(await saveProductGroup(staff, input, await context())));

export const createProductAction = staffAction({ schema: newProductForm, roles: ADMIN }, async (input, staff) => refreshed(await createProduct(staff, input, await context())));

export const updateProductAction = staffAction({ schema: productForm, roles: ADMIN }, async (input, staff) => refreshed(await updateProduct(staff, input, await context())));

/** Its page no longer exists once it is gone: back to the catalogue. */
export const deleteProductAction = staffAction({ schema: productIdForm, roles: ADMIN }, async (input, staff) => {
  const result = refreshed(await deleteProduct(staff, input, await context()));
  if (result.ok) redirect("/admin/catalogo");
  return result;
});

export const saveProductPriceAction = staffAction({ schema: productPriceForm, roles: ADMIN }, async (input, staff) => refreshed(await saveProductPrice(staff, input, await context())));

export const removeProductPriceAction = staffAction({ schema: removeProductPriceForm, roles: ADMIN }, async (input, staff) =>
  refreshed(await removeProductPrice(staff, input, await context())),
);

export const setProductAddonsAction = staffAction({ schema: productAddonsForm, roles: ADMIN }, async (input, staff) => refreshed(await setProductAddons(staff, input, await context())));

export const saveOptionAction = staffAction({ schema: optionForm, roles: ADMIN }, async (input, staff) => refreshed(await saveOption(staff, input, await context())));

export const deleteOptionAction = staffAction({ schema: deleteOptionForm, roles: ADMIN }, async (input, staff) => refreshed(await deleteOption(staff, input, await context())));

export const saveChoiceAction = staffAction({ schema: choiceForm, roles: ADMIN }, async (input, staff) => refreshed(await saveChoice(staff, input, await context())));

export const deleteChoiceAction = staffAction({ schema: deleteChoiceForm, roles: ADMIN }, async (input, staff) => refreshed(await deleteChoice(staff, input, await context())));

export const saveChoicePriceAction = staffAction({ schema: choicePriceForm, roles: ADMIN }, async (input, staff) => refreshed(await saveChoicePrice(staff, input, await context())));

export const removeChoicePriceAction = staffAction({ schema: removeChoicePriceForm, roles: ADMIN }, async (input, staff) =>
  refreshed(await removeChoicePrice(staff, input, await context())),
);

export const saveAddonAction = staffAction({ schema: addonForm, roles: ADMIN }, async (input, staff) => refreshed(await saveAddon(staff, input, await context())));

export const saveTldPriceAction = staffAction({ schema: tldPriceForm, roles: ADMIN }, async (input, staff) => refreshed(await saveTldPrice(staff, input, await context())));

export const removeTldPriceAction = staffAction({ schema: removeTldPriceForm, roles: ADMIN }, async (input, staff) => refreshed(await removeTldPrice(staff, input, await context())));

export const stopSellingTldAction = staffAction({ schema: stopSellingTldForm, roles: ADMIN }, async (input, staff) => refreshed(await stopSellingTld(staff, input, await context())));

export const savePromoAction = staffAction({ schema: promoForm, roles: ADMIN }, async (input, staff) => refreshed(await savePromoCode(staff, input, await context())));

export const setPromoActiveAction = staffAction({ schema: promoActiveForm, roles: ADMIN }, async (input, staff) => refreshed(await setPromoActive(staff, input, await context())));
