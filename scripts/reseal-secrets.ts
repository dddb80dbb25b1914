import { withScriptDatabase } from "@/db/scripts/script-database";

// `npm run secrets:reseal`: after setting a new TOTP_ENCRYPTION_KEY (the old one in
// TOTP_ENCRYPTION_KEY_PREVIOUS), seals every two-factor secret with the new key.
await withScriptDatabase(async ({ db, label }) => {
  const { resealTwoFactorSecrets } = await import("@/lib/auth/reseal-secrets");
  const { resealed, unreadable } = await resealTwoFactorSecrets(db);
  console.log(`${label}: ${resealed} two-factor secret(s) sealed with the current key.`);
  if (unreadable.length > 0) {
    console.error(`No key opens the secret of contact(s) ${unreadable.join(", ")}: they must set up two-factor sign-in again.`);
    process.exitCode = 1;
  }
});
