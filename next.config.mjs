import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM, react-pdf and pdfkit load fonts and metrics from disk: all must stay plain Node modules.
  serverExternalPackages: ["@electric-sql/pglite", "@react-pdf/renderer", "pdfkit", "fontkit", "@node-rs/argon2"],
  poweredByHeader: false,
  // PDFs are rendered by download routes, emails sent from payment paths and cron: every function needs the fonts.
  outputFileTracingIncludes: { "/**": ["./public/fonts/**"] },
  // forbidden() answers 403 for a sub-account without the permission.
  // Ticket attachments travel in the server action's body: room for the support settings' 5 x 2 MiB.
  // proxy.ts (security headers) sees every request; Next.js documents that a body longer than
  // proxyClientMaxBodySize (10 MB by default) is buffered only up to it: the actions' 12 MB here too.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "12mb" }, proxyClientMaxBodySize: "12mb" },
};

export default withNextIntl(nextConfig);
