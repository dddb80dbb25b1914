"use client";

import { secondaryButton } from "./styles";

/** The browser's print dialog; the page's print styles hide the portal around the document. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${secondaryButton} print:hidden`}>
      {label}
    </button>
  );
}
