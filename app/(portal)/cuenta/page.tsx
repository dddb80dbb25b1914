import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { countryOptions, isCountryCode } from "@/lib/account/countries";
import { getProfile } from "@/lib/account/get-profile";
import { requireUser } from "@/lib/auth/session";
import { LOCALES } from "@/lib/i18n/locales";
import { ProfileForm } from "./_components/profile-form";
import type { SelectOption } from "./_components/select-field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.details");
  return { title: t("title") };
}

/** "Mis datos" (walkthrough §3), opened from the dashboard's "Su información > Actualizar". */
export default async function AccountDetailsPage() {
  const user = await requireUser("profile");
  const profile = await getProfile(user.clientId);
  if (!profile) notFound();
  const locale = await getLocale();
  const t = await getTranslations();

  const countries: SelectOption[] = countryOptions(locale).map((country) => ({ value: country.code, label: country.name }));
  // A code stored before the list was enforced must not silently turn into the first country of the list.
  if (!isCountryCode(profile.country)) countries.unshift({ value: "", label: t("account.details.chooseCountry") });
  const languages: SelectOption[] = LOCALES.map((option) => ({ value: option, label: t(`common.locale.${option}`), lang: option }));

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
        }}
        email={profile.email}
        emailHint={t(user.isOwner ? "account.details.hints.emailOwner" : "account.details.hints.emailSubAccount")}
        countries={countries}
        languages={languages}
      />
    </>
  );
}
