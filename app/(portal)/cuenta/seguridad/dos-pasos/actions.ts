"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { userAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { confirmTwoFactorSetup, disableTwoFactor, regenerateBackupCodes } from "@/lib/auth/two-factor";

const confirmSchema = z.object({
  setupToken: z.string().max(512).default(""),
  code: z.string().trim().min(1, "errors.required").max(16, "errors.invalidValue"),
});

const twoProofsSchema = z.object({
  password: z.string().min(1, "errors.required").max(200, "errors.invalidValue"),
  code: z.string().trim().min(1, "errors.required").max(32, "errors.invalidValue"),
});

// Any signed-in person, for their own login only: no permission is needed to protect yourself.
// No revalidation: the page would re-render without the backup codes this answer shows once.
export const confirmTwoFactorAction = userAction({ schema: confirmSchema, credentials: true }, async (input, user) => {
  const result = await confirmTwoFactorSetup(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  return { ok: true, data: { backupCodes: result.backupCodes } };
});

export const disableTwoFactorAction = userAction({ schema: twoProofsSchema, credentials: true }, async (input, user) => {
  const result = await disableTwoFactor(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  // Both the security page's section and the set-up page change with the status.
  revalidatePath("/cuenta/seguridad", "layout");
  return { ok: true, message: "twoFactor.disable.done" };
});

// No revalidation: the answer carries the new codes, shown once.
export const regenerateBackupCodesAction = userAction({ schema: twoProofsSchema, credentials: true }, async (input, user) => {
  const result = await regenerateBackupCodes(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  return { ok: true, data: { backupCodes: result.backupCodes } };
});
