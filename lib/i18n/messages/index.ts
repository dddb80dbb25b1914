import enAccount from "./en/account.json";
import enAuth from "./en/auth.json";
import enBillingErrors from "./en/billing-errors.json";
import enBilling from "./en/billing.json";
import enCommon from "./en/common.json";
import enDashboard from "./en/dashboard.json";
import enDomains from "./en/domains.json";
import enEmail from "./en/email.json";
import enErrors from "./en/errors.json";
import enPayments from "./en/payments.json";
import enPdf from "./en/pdf.json";
import enPortal from "./en/portal.json";
import enSupport from "./en/support.json";
import esAccount from "./es/account.json";
import esAuth from "./es/auth.json";
import esBillingErrors from "./es/billing-errors.json";
import esBilling from "./es/billing.json";
import esCommon from "./es/common.json";
import esDashboard from "./es/dashboard.json";
import esDomains from "./es/domains.json";
import esEmail from "./es/email.json";
import esErrors from "./es/errors.json";
import esPayments from "./es/payments.json";
import esPdf from "./es/pdf.json";
import esPortal from "./es/portal.json";
import esSupport from "./es/support.json";

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
    errors: esErrors,
    support: esSupport,
    domains: esDomains,
    billing: { ...esBilling, errors: esBillingErrors },
    payments: esPayments,
    pdf: esPdf,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    email: enEmail,
    portal: enPortal,
    dashboard: enDashboard,
    account: enAccount,
    errors: enErrors,
    support: enSupport,
    domains: enDomains,
    billing: { ...enBilling, errors: enBillingErrors },
    payments: enPayments,
    pdf: enPdf,
  },
};

export type Messages = (typeof catalogs)["es"];
