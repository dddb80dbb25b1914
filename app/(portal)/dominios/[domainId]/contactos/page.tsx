import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterLinks } from "@/app/_components/filter-links";
import { listHref } from "@/app/_components/list-href";
import { countryOptions } from "@/lib/account/countries";
import { loadDomainContactsPage } from "@/lib/domains/manage/contacts";
import { CONTACT_ROLES, type ContactRole, type DomainContact } from "@/lib/registrar/registrar";
import { domainPath } from "../../_components/domain-paths";
import { ManageSection } from "../_components/section";
import { loadDomain } from "../load-domain";
import { ContactForm, type ContactValues } from "./contact-form";

type Props = { params: Promise<{ domainId: string }>; searchParams: Promise<{ tipo?: string | string[] }> };

// ?tipo= speaks Spanish like the paths; the registrant is the page without it.
const ROLE_PARAMS: Record<ContactRole, string | null> = { registrant: null, admin: "administrativo", tech: "tecnico" };

function formValues(contact: DomainContact): ContactValues {
  return {
    name: contact.name,
    company: contact.company ?? "",
    email: contact.email,
    phone: contact.phone,
    address1: contact.address1,
    address2: contact.address2 ?? "",
    city: contact.city,
    state: contact.state,
    postcode: contact.postcode,
    country: contact.country,
    taxId: contact.taxId ?? "",
  };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainManage.contacts");
  return { title: `${t("title")} · ${domain.name}` };
}

/** "Información de contactos" (walkthrough §5.1.2, §5.2.5): registrant, administrative and technical. */
export default async function DomainContactsPage({ params, searchParams }: Props) {
  const { user, domain } = await loadDomain((await params).domainId);
  const { tipo } = await searchParams;
  const role = CONTACT_ROLES.find((candidate) => ROLE_PARAMS[candidate] !== null && ROLE_PARAMS[candidate] === tipo) ?? "registrant";
  const t = await getTranslations("domainManage.contacts");
  const locale = await getLocale();
  const { contacts, account } = await loadDomainContactsPage(user.scope, domain);
  const path = domainPath(domain.id, "contacts");
  return (
    <ManageSection title={t("title")} intro={t("intro")}>
      <FilterLinks
        label={t("rolesLabel")}
        className="mb-2"
        links={CONTACT_ROLES.map((candidate) => ({ key: candidate, label: t(`roles.${candidate}`), href: listHref(path, { tipo: ROLE_PARAMS[candidate] }), current: candidate === role }))}
      />
      <h3 className="text-base font-semibold text-slate-900">{t(`roles.${role}`)}</h3>
      <ContactForm
        key={role}
        domainId={domain.id}
        role={role}
        roleLabel={t(`roles.${role}`).toLowerCase()}
        values={formValues(contacts[role])}
        account={account ? formValues(account) : null}
        countries={countryOptions(locale).map((option) => ({ value: option.code, label: option.name }))}
      />
    </ManageSection>
  );
}
