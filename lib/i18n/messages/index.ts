import enAccount from "./en/account.json";
import enAdmin from "./en/admin.json";
import enAdminCatalog from "./en/admin-catalog.json";
import enAdminContent from "./en/admin-content.json";
import enAdminQueues from "./en/admin-queues.json";
import enAuth from "./en/auth.json";
import enBillingErrors from "./en/billing-errors.json";
import enBilling from "./en/billing.json";
import enCommon from "./en/common.json";
import enContacts from "./en/contacts.json";
import enDashboard from "./en/dashboard.json";
import enDns from "./en/dns.json";
import enDomains from "./en/domains.json";
import enDomainManage from "./en/domain-manage.json";
import enDomainOrders from "./en/domain-orders.json";
import enEmail from "./en/email.json";
import enErrors from "./en/errors.json";
import enPayments from "./en/payments.json";
import enPdf from "./en/pdf.json";
import enPortal from "./en/portal.json";
import enSecurity from "./en/security.json";
import enRecords from "./en/records.json";
import enHosting from "./en/hosting.json";
import enKnowledge from "./en/knowledge.json";
import enServices from "./en/services.json";
import enStore from "./en/store.json";
import enSupport from "./en/support.json";
import enTwoFactor from "./en/two-factor.json";
import enPasskeys from "./en/passkeys.json";
import esAccount from "./es/account.json";
import esAdmin from "./es/admin.json";
import esAdminCatalog from "./es/admin-catalog.json";
import esAdminContent from "./es/admin-content.json";
import esAdminQueues from "./es/admin-queues.json";
import esAuth from "./es/auth.json";
import esBillingErrors from "./es/billing-errors.json";
import esBilling from "./es/billing.json";
import esCommon from "./es/common.json";
import esContacts from "./es/contacts.json";
import esDashboard from "./es/dashboard.json";
import esDns from "./es/dns.json";
import esDomains from "./es/domains.json";
import esDomainManage from "./es/domain-manage.json";
import esDomainOrders from "./es/domain-orders.json";
import esEmail from "./es/email.json";
import esErrors from "./es/errors.json";
import esPayments from "./es/payments.json";
import esPdf from "./es/pdf.json";
import esPortal from "./es/portal.json";
import esSecurity from "./es/security.json";
import esRecords from "./es/records.json";
import esHosting from "./es/hosting.json";
import esKnowledge from "./es/knowledge.json";
import esServices from "./es/services.json";
import esStore from "./es/store.json";
import esSupport from "./es/support.json";
import esTwoFactor from "./es/two-factor.json";
import esPasskeys from "./es/passkeys.json";

// One JSON file per area and language; the file name is the namespace (t("auth.signIn.title")).
// billing-errors.json is the "errors" branch of the billing namespace (t("billing.errors.alreadyPaid")).
export const catalogs = {
  es: {
    common: esCommon,
    auth: esAuth,
    email: esEmail,
    portal: esPortal,
    dashboard: esDashboard,
    account: esAccount,
    contacts: esContacts,
    errors: esErrors,
    support: esSupport,
    twoFactor: esTwoFactor,
    domains: esDomains,
    domainManage: esDomainManage,
    domainOrders: esDomainOrders,
    billing: { ...esBilling, errors: esBillingErrors },
    payments: esPayments,
    pdf: esPdf,
    security: esSecurity,
    records: esRecords,
    hosting: esHosting,
    services: esServices,
    store: esStore,
    knowledge: esKnowledge,
    passkeys: esPasskeys,
    dns: esDns,
    admin: esAdmin,
    adminCatalog: esAdminCatalog,
    adminContent: esAdminContent,
    adminQueues: esAdminQueues,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    email: enEmail,
    portal: enPortal,
    dashboard: enDashboard,
    account: enAccount,
    contacts: enContacts,
    errors: enErrors,
    support: enSupport,
    twoFactor: enTwoFactor,
    domains: enDomains,
    domainManage: enDomainManage,
    domainOrders: enDomainOrders,
    billing: { ...enBilling, errors: enBillingErrors },
    payments: enPayments,
    pdf: enPdf,
    security: enSecurity,
    records: enRecords,
    hosting: enHosting,
    services: enServices,
    store: enStore,
    knowledge: enKnowledge,
    passkeys: enPasskeys,
    dns: enDns,
    admin: enAdmin,
    adminCatalog: enAdminCatalog,
    adminContent: enAdminContent,
    adminQueues: enAdminQueues,
  },
};

export type Messages = (typeof catalogs)["es"];
