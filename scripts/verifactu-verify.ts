import { withScriptDatabase } from "@/db/scripts/script-database";

// `npm run verifactu:verify`: recomputes every Veri*Factu billing record's hash and chain and
// compares it with its invoice; exits 1 at the first break, naming it.
const REASONS = {
  hash: "its fields no longer give its hash (a hashed field was altered)",
  chain: "it does not chain to the issuer's previous record (a record was removed or inserted)",
  invoice: "its invoice no longer matches it (total, tax or number altered)",
  missing: "the issued invoice has no billing record",
} as const;

await withScriptDatabase(async ({ db, label }) => {
  const { verifyVerifactuChains } = await import("@/lib/verifactu/verify-chain");
  const report = await verifyVerifactuChains(db);
  if (!report.firstBreak) {
    console.log(`${label}: ${report.records} billing record(s) in ${report.issuers} chain(s), every hash and link checked: the chain is intact.`);
    return;
  }
  const { recordId, invoiceNumber, reason } = report.firstBreak;
  console.error(`${label}: the chain breaks at ${recordId ? `record ${recordId}` : "an invoice"} (${invoiceNumber}): ${REASONS[reason]}.`);
  process.exitCode = 1;
});
