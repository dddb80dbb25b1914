import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getStaffUser } from "@/lib/staff/staff-session";
import { StaffSignInForm } from "./staff-sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.signIn");
  return { title: t("title") };
}

/** The one staff page reachable without a staff session. */
export default async function StaffSignInPage() {
  if (await getStaffUser()) redirect("/admin/tickets");
  const t = await getTranslations("admin.signIn");
  return (
    <main className="mx-auto w-full max-w-md px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-2xl font-bold">{t("title")}</h1>
        <p className="mb-5 text-sm text-slate-600">{t("intro")}</p>
        <StaffSignInForm />
      </div>
    </main>
  );
}
