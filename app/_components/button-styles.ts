// The looks of the portal's action buttons, so every page and dialog reads the same.
export const primaryButton =
  "inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
export const secondaryButton =
  "inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
/** The confirm button of an action that removes something for good. */
export const dangerButton =
  "inline-flex w-full items-center justify-center rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 disabled:cursor-wait disabled:opacity-70 sm:w-auto";
/** The button that opens such a confirmation: quiet, but marked as destructive. */
export const dangerTriggerButton =
  "inline-flex w-full items-center justify-center rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 sm:w-auto";
