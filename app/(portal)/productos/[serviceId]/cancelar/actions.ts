"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions";
import { clientIp } from "@/lib/auth/client-ip";
import { requestCancellation, requestCancellationSchema } from "@/lib/services/cancellation";

export const requestCancellationAction = userAction({ schema: requestCancellationSchema, permission: "manageproducts" }, async (input, user) => {
  const result = await requestCancellation(user, input, clientIp(await headers()));
  if (!result.ok) return result;
  revalidatePath(`/productos/${input.serviceId}`);
  redirect(`/productos/${input.serviceId}?aviso=cancelacion`);
});
