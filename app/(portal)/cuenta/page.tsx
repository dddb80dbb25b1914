import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { countryOptions, isCountryCode } from "@/lib/account/countries";
import { getBillingContactChoices, getProfile } from "@/lib/account/get-profile";
import { requireUser } from "@/lib/auth/session";
import { LOCALES } from "@/lib/i18n/locales";
import { EmailChangeForm } from "./_components/email-change-form";
import { ProfileForm } from "./_components/profile-form";
import type { SelectOption } from "./_components/select-field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.details");
  return { title: t("title") };
}

/** "Mis datos" (walkthrough §3), opened from the dashboard's "Su información > Actualizar". */
export default async function AccountDetailsPage() {
  const user = await requireUser("profile");
  const [profile, billingChoices] = await Promise.all([getProfile(user.scope), getBillingContactChoices(user.scope)]);
  if (!profile) notFound();
  const locale = await getLocale();
  const t = await getTranslations();

  const countries: SelectOption[] = countryOptions(locale).map((country) => ({ value: country.code, label: country.name }));
  // A code stored before the list was enforced must not silently turn into the first country of the list.
  if (!isCountryCode(profile.country)) countries.unshift({ value: "", label: t("account.details.chooseCountry") });
  const languages: SelectOption[] = LOCALES.map((option) => ({ value: option, label: t(`common.locale.${option}`), lang: option }));
  const billingContacts: SelectOption[] = billingChoices.map((contact) => ({
    value: String(contact.id),
    label: t("account.details.billingContactOption", { name: contact.name, email: contact.email }),
  }));

  return (
    <>
      <PageHeader title={t("account.details.title")} description={t("account.details.description")} />
      <ProfileForm
        values={{
          firstName: profile.firstName,
          lastName: profile.lastName,
          companyName: profile.companyName ?? "",
          taxId: profile.taxId ?? "",
          address1: profile.address1,
          address2: profile.address2 ?? "",
          city: profile.city,
          province: profile.province,
          postcode: profile.postcode,
          country: isCountryCode(profile.country) ? profile.country : "",
          phone: profile.phone ?? "",
          language: profile.language,
          marketingOptIn: profile.marketingOptIn,
          defaultBillingContactId: profile.defaultBillingContactId === null ? "" : String(profile.defaultBillingContactId),
        }}
        email={profile.email}
        pendingEmailNote={profile.pendingEmail ? t("account.details.pendingEmail", { email: profile.pendingEmail }) : null}
        emailHint={t(user.isOwner ? "account.details.hints.emailOwner" : "account.details.hints.emailSubAccount")}
        canChangeEmail={user.isOwner}
        countries={countries}
        languages={languages}
        billingContacts={billingContacts}
      />
      {user.isOwner && (
        <EmailChangeForm
          email={profile.email}
          pendingNote={profile.pendingEmail ? t("account.email.pendingNote", { email: profile.pendingEmail }) : null}
        />
      )}
    </>
  );
}
