import { clients } from "@/db/schema";

/** Who the client is and where: the name, tax id and postal address that documents print. */
export const clientIdentityColumns = {
  firstName: clients.firstName,
  lastName: clients.lastName,
  companyName: clients.companyName,
  taxId: clients.taxId,
  address1: clients.address1,
  address2: clients.address2,
  city: clients.city,
  province: clients.province,
  postcode: clients.postcode,
  country: clients.country,
};

/** Every field of "Mis datos": what the page shows and what an update compares the form against. */
export const profileColumns = {
  ...clientIdentityColumns,
  phone: clients.phone,
  language: clients.language,
  marketingOptIn: clients.marketingOptIn,
  defaultBillingContactId: clients.defaultBillingContactId,
};
