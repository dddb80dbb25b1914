import { getTranslations } from "next-intl/server";

/**
 * The select at the top of the page (walkthrough §3.1): a plain GET form, so choosing a contact works
 * without JavaScript and every contact has its own address (?contacto=<id>). Keyed by the selection: after
 * a save redirects here, the select must show the saved contact, not keep what it showed before.
 */
export async function ContactPicker({ options, selected }: { options: { value: string; label: string }[]; selected: string }) {
  const t = await getTranslations("contacts.picker");
  return (
    <form key={selected} method="get" action="/cuenta/contactos" className="mb-6 flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor="contact-picker" className="block text-sm font-medium text-slate-700">
          {t("label")}
        </label>
        <select
          id="contact-picker"
          name="contacto"
          defaultValue={selected}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none"
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 sm:w-auto"
      >
        {t("show")}
      </button>
    </form>
  );
}
