import enAccount from "./en/account.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enDashboard from "./en/dashboard.json";
import enDomains from "./en/domains.json";
import enEmail from "./en/email.json";
import enErrors from "./en/errors.json";
import enPortal from "./en/portal.json";
import enSupport from "./en/support.json";
import esAccount from "./es/account.json";
import esAuth from "./es/auth.json";
import esCommon from "./es/common.json";
import esDashboard from "./es/dashboard.json";
import esDomains from "./es/domains.json";
import esEmail from "./es/email.json";
import esErrors from "./es/errors.json";
import esPortal from "./es/portal.json";
import esSupport from "./es/support.json";

// One JSON file per area and language; the file name is the namespace (t("auth.signIn.title")).
export const catalogs = {
  es: { common: esCommon, auth: esAuth, email: esEmail, portal: esPortal, dashboard: esDashboard, account: esAccount, errors: esErrors, support: esSupport, domains: esDomains },
  en: { common: enCommon, auth: enAuth, email: enEmail, portal: enPortal, dashboard: enDashboard, account: enAccount, errors: enErrors, support: enSupport, domains: enDomains },
};

export type Messages = (typeof catalogs)["es"];
