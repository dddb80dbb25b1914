// Shared looks of the dashboard's links, so every box reads the same.
export const primaryLink =
  "inline-flex items-center justify-center rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700";
export const secondaryLink =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";
export const textLink = "font-medium text-brand-700 underline-offset-2 hover:underline";
