import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FormAlert } from "@/app/_components/form-alert";
import { PageHeader } from "@/app/_components/page-header";
import { PERMISSIONS } from "@/db/schema";
import { countryOptions } from "@/lib/account/countries";
import { requireUser } from "@/lib/auth/session";
import { EMAIL_PREFERENCE_KEYS, NEW_CONTACT, parseContactId } from "@/lib/contacts/contact-input";
import { getContact, listContacts, type ContactDetails } from "@/lib/contacts/list-contacts";
import type { SelectOption } from "../_components/select-field";
import { ContactForm, type ContactFormValues } from "./_components/contact-form";
import { ContactPicker } from "./_components/contact-picker";
import { DeleteContactDialog } from "./_components/delete-contact-dialog";
import { ResendInvitationForm } from "./_components/resend-invitation-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contacts");
  return { title: t("title") };
}

// Only these come back from the actions' redirects; anything else in the URL shows nothing.
const NOTICES = new Set(["created", "updated", "invited", "inviteFailed", "resent", "deleted"]);

const EMPTY: ContactFormValues = {
  firstName: "",
  lastName: "",
  companyName: "",
  email: "",
  phone: "",
  address1: "",
  city: "",
  province: "",
  postcode: "",
  country: "",
  emailPreferences: ["general"],
  hasAccess: false,
  permissions: [],
};

function formValuesOf(contact: ContactDetails): ContactFormValues {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    companyName: contact.companyName ?? "",
    email: contact.email,
    phone: contact.phone ?? "",
    address1: contact.address1 ?? "",
    city: contact.city ?? "",
    province: contact.province ?? "",
    postcode: contact.postcode ?? "",
    country: contact.country ?? "",
    emailPreferences: EMAIL_PREFERENCE_KEYS.filter((key) => contact.emailPreferences[key]),
    hasAccess: contact.hasAccess,
    permissions: contact.permissions,
  };
}

/** "Contactos/Sub-cuentas" (walkthrough §3.1). */
export default async function ContactsPage({ searchParams }: { searchParams: Promise<{ contacto?: string | string[]; aviso?: string | string[] }> }) {
  const user = await requireUser("contacts");
  const params = await searchParams;
  const requested = typeof params.contacto === "string" ? params.contacto : undefined;
  const notice = typeof params.aviso === "string" && NOTICES.has(params.aviso) ? params.aviso : null;
  const t = await getTranslations("contacts");
  const locale = await getLocale();

  const all = await listContacts(user.scope);
  const others = all.filter((contact) => !contact.isOwner);

  // Without a choice the first contact is shown, as the walkthrough's select does; with none yet, the empty form.
  let contactId: number | null;
  if (requested === undefined) contactId = others[0]?.id ?? null;
  else {
    const parsed = parseContactId(requested);
    if (parsed === undefined) notFound();
    contactId = parsed;
  }
  const contact = contactId === null ? null : await getContact(user.scope, contactId);
  if (contactId !== null && !contact) notFound();
  const selected = contact ? String(contact.id) : NEW_CONTACT;

  const options = [
    ...others.map((option) => {
      const name = `${option.firstName} ${option.lastName}`.trim() + (option.companyName ? ` · ${option.companyName}` : "");
      const label = option.invitationPending ? t("picker.pending", { name }) : option.hasAccess ? t("picker.subAccount", { name }) : name;
      return { value: String(option.id), label };
    }),
    { value: NEW_CONTACT, label: t("picker.new") },
  ];
  // The owner is not in the list, but an old link to it still explains where its details live.
  if (contact?.isOwner) options.unshift({ value: String(contact.id), label: `${contact.firstName} ${contact.lastName}` });

  const countries: SelectOption[] = [{ value: "", label: t("fields.noCountry") }, ...countryOptions(locale).map((country) => ({ value: country.code, label: country.name }))];
  const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() : "";

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {notice && (
        <div className="mb-4">
          <FormAlert kind="success" message={`contacts.notices.${notice}`} />
        </div>
      )}
      <ContactPicker options={options} selected={selected} />

      {contact?.isOwner ? (
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="text-base font-semibold text-slate-900">{t("owner.title")}</h2>
          <p className="text-sm text-slate-700">{t("owner.body")}</p>
          <Link href="/cuenta" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("owner.link")}
          </Link>
        </section>
      ) : (
        <div className="space-y-6">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <h2 className="min-w-0 text-lg font-semibold break-words text-slate-900">{contact ? name : t("form.newTitle")}</h2>
            {contact?.isDefaultBilling && (
              <span className="inline-flex w-fit rounded-full border border-brand-100 bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-800">
                {t("defaultBilling")}
              </span>
            )}
          </div>

          {contact && (
            <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
              <p>{contact.invitationPending ? t("access.statusPending") : contact.hasAccess ? t("access.statusActive") : t("access.statusNone")}</p>
              {!user.isOwner && <p className="text-xs text-slate-500">{t("access.ownerOnly")}</p>}
              {user.isOwner && contact.invitationPending && <ResendInvitationForm contactId={contact.id} />}
            </div>
          )}

          <ContactForm
            key={contact ? `${contact.id}:${contact.updatedAt.getTime()}` : NEW_CONTACT}
            contactId={selected}
            isNew={!contact}
            values={contact ? formValuesOf(contact) : EMPTY}
            countries={countries}
            preferenceKeys={EMAIL_PREFERENCE_KEYS}
            permissionKeys={PERMISSIONS}
            canManageAccess={user.isOwner}
            emailLocked={!user.isOwner && Boolean(contact?.hasAccess)}
          />

          {contact && contact.id !== user.contactId && (user.isOwner || !contact.hasAccess) && (
            <div className="border-t border-slate-200 pt-6">
              <DeleteContactDialog contactId={contact.id} name={name} isDefaultBilling={contact.isDefaultBilling} hasAccess={contact.hasAccess} />
            </div>
          )}
        </div>
      )}
    </>
  );
}
