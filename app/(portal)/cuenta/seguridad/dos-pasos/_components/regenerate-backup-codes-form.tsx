"use client";

import { regenerateBackupCodesAction } from "../actions";
import { BackupCodes } from "./backup-codes";
import { TwoProofForm } from "./two-proof-form";

/** "Regenerar códigos de respaldo": the new codes are shown once, exactly like after the set-up. */
export function RegenerateBackupCodesForm({ issuer, email }: { issuer: string; email: string }) {
  return (
    <TwoProofForm
      action={regenerateBackupCodesAction}
      texts="twoFactor.regenerate"
      tone="neutral"
      done={(result) => <BackupCodes codes={result.data?.backupCodes ?? []} issuer={issuer} email={email} />}
    />
  );
}
