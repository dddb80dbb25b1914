// Shared looks of the billing pages' buttons and links, so every page reads the same.
export const primaryButton =
  "inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
export const secondaryButton =
  "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
export const textLink = "font-medium text-brand-700 underline-offset-2 hover:underline";
export const panel = "rounded-lg border border-slate-200 bg-white shadow-sm print:rounded-none print:border-0 print:shadow-none";
