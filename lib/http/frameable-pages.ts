/**
 * The portal's pages that another page may show in a frame. Every other page answers with
 * `frame-ancestors 'none'` (no clickjacking of the portal's forms); an entry here replaces that
 * directive for the paths it matches, and only for them.
 *
 * Add an entry only for a page that truly must be framed, with the narrowest `ancestors` that work
 * and the reason. Checked in lib/http/security-headers.ts, in that order: the first match wins.
 *
 * Today no portal page is framed: the sandbox panel and the invoice PDFs open in a window of their
 * own, and the one frame the portal draws ("Ver mensaje" of a sent email) loads an API route
 * (/api/cuenta/correos/[emailId]) that answers with a CSP of its own. The URL Frame page of a
 * customer's redirect host (/api/redirect-host, lib/domains/dns/frame-page.ts) is not a portal page:
 * it frames the customer's saved target with a CSP of its own (frame-src that target's origin only).
 */
export type FrameablePage = {
  /** Matched against the request's pathname (no query). */
  path: RegExp;
  /** CSP source expressions allowed to frame the page, e.g. ["'self'"] or ["https://example.com"]. */
  ancestors: readonly string[];
  /** Why the page must be framed: read by whoever reviews the list. */
  reason: string;
};

export const FRAMEABLE_PAGES: readonly FrameablePage[] = [];
