import type { PanelApp } from "@/lib/services/panel-access";

// Outline icons (24 px grid, stroke), one per kind of panel app.
const PATHS = {
  mail: "M3 7l9 6 9-6M4 5h16a1 1 0 011 1v12a1 1 0 01-1 1H4a1 1 0 01-1-1V6a1 1 0 011-1z",
  forward: "M14 5l7 7-7 7M21 12H9a6 6 0 00-6 6",
  folder: "M3 7a2 2 0 012-2h4l2 2h8a2 2 0 012 2v8a2 2 0 01-2 2H5a2 2 0 01-2-2V7z",
  database: "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
  globe: "M12 21a9 9 0 100-18 9 9 0 000 18zM3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z",
  clock: "M12 21a9 9 0 100-18 9 9 0 000 18zM12 7v5l3 3",
  archive: "M4 7h16M5 7l1 12a2 2 0 002 2h8a2 2 0 002-2l1-12M9 11h6M3 3h18v4H3z",
  chart: "M4 20V10M10 20V4M16 20v-7M22 20H2",
} as const;

const ICON_OF: Record<PanelApp, keyof typeof PATHS> = {
  emailAccounts: "mail",
  forwarders: "forward",
  autoresponders: "mail",
  fileManager: "folder",
  databases: "database",
  phpMyAdmin: "database",
  subdomains: "globe",
  addonDomains: "globe",
  cronJobs: "clock",
  backups: "archive",
  awstats: "chart",
};

export function PanelAppIcon({ app }: { app: PanelApp }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-7 w-7 text-brand-700" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[ICON_OF[app]]} />
    </svg>
  );
}
