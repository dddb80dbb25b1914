"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { confirmEmailChange } from "@/lib/account/change-email";
import { publicAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";

// Public on purpose: the link may be opened on a device where nobody is signed in; the token is the proof.
export const confirmEmailChangeAction = publicAction(
  { schema: z.object({ token: z.string().min(1).max(200) }) },
  async ({ token }) => {
    const result = await confirmEmailChange(token, clientIp(await headers()));
    if (!result.ok) return result;
    return { ok: true, data: { newEmail: result.newEmail } };
  },
);
