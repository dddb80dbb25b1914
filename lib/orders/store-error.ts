/** What the store answers when it refuses something: catalog keys, shown next to the field or the item. */
export const STORE_ERRORS = [
  "productNotFound",
  "cycleNotOffered",
  "optionNotFound",
  "domainRequired",
  "domainInvalid",
  "domainTldNotSold",
  "domainTaken",
  "domainNotTransferable",
  "domainCheckFailed",
  "domainNotYours",
  "domainAlreadyYours",
  "domainAlreadyInCart",
  "domainYearsInvalid",
  "domainNotRenewable",
  "domainRenewalInvoiced",
  "domainEppCodeRequired",
  "addonNotFound",
  "serviceNotFound",
  "addonNotForService",
  "addonAlreadyInCart",
  "addonAlreadyActive",
  "itemNotFound",
  "cartEmpty",
  "cartHasErrors",
  "cartFull",
  "promoNotFound",
  "promoExpired",
  "promoExhausted",
  "promoNotApplicable",
] as const;
export type StoreErrorCode = (typeof STORE_ERRORS)[number];
export type StoreErrorKey = `store.errors.${StoreErrorCode}`;

export const storeError = (code: StoreErrorCode): StoreErrorKey => `store.errors.${code}`;
