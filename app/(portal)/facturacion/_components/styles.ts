// Shared looks of the billing pages' buttons and links, so every page reads the same.
export { primaryButton, secondaryButton } from "@/app/_components/button-styles";
export const textLink = "font-medium text-brand-700 underline-offset-2 hover:underline";
export const panel = "rounded-lg border border-slate-200 bg-white shadow-sm print:rounded-none print:border-0 print:shadow-none";
