"use server";

import { cookies, headers } from "next/headers";
import { emailChangeFormSchema, requestEmailChange } from "@/lib/account/change-email";
import { updateProfile, profileFormSchema } from "@/lib/account/update-profile";
import { userAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

// updateProfile validates the values itself (with the account's own message keys); the form schema
// only decides which fields are read.
export const updateProfileAction = userAction(
  { schema: profileFormSchema, permission: "profile", revalidate: "/cuenta" },
  async (input, user) => {
    const result = await updateProfile(user, input, clientIp(await headers()));
    if (!result.ok) return result;
    // The language chosen for the account is also the one this browser shows from now on.
    const store = await cookies();
    store.set(LOCALE_COOKIE, result.language, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    return { ok: true, message: "account.details.saved" };
  },
);

export const requestEmailChangeAction = userAction(
  { schema: emailChangeFormSchema, permission: "profile", credentials: true, revalidate: "/cuenta" },
  async (input, user) => {
    const result = await requestEmailChange(user, input, clientIp(await headers()));
    if (!result.ok) return result;
    return { ok: true, message: "account.email.requested" };
  },
);
