"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { changeSecurityQuestion, securityQuestionFormSchema } from "@/lib/account/security-question";
import { revokeOtherSessions } from "@/lib/account/sessions";
import { userAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";

// Everyone's own security settings: no permission is asked for, the session names whose they are.
export const changeSecurityQuestionAction = userAction(
  { schema: securityQuestionFormSchema, credentials: true, revalidate: "/cuenta/seguridad" },
  async (input, user) => {
    const result = await changeSecurityQuestion(user, input, clientIp(await headers()));
    if (!result.ok) return result;
    return { ok: true, message: "security.question.saved" };
  },
);

export const revokeOtherSessionsAction = userAction({ schema: z.object({}), revalidate: "/cuenta/seguridad" }, async (_input, user) => {
  const { revoked } = await revokeOtherSessions(user, clientIp(await headers()));
  return { ok: true, message: revoked > 0 ? "security.sessions.revoked" : "security.sessions.noneRevoked" };
});
