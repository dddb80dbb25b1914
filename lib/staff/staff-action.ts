import { revalidatePath } from "next/cache";
import { forbidden, notFound } from "next/navigation";
import type { z } from "zod";
import { fieldErrorsFrom, parseForm, type ActionResult, type ActionState } from "@/lib/actions";
import type { StaffRole } from "@/lib/auth/scope";
import { getStaffUser, staffMayAct, type StaffUser } from "./staff-session";

type StaffActionOptions<S extends z.ZodType> = { schema: S; roles?: readonly StaffRole[]; revalidate?: string };

/**
 * The one wrapper for staff server actions, the staff twin of userAction (lib/actions.ts):
 * staff session -> role -> zod -> use case -> revalidate. Without a staff session it answers 404
 * like a page (a customer's session does not count); a role that may not act, 403.
 */
export function staffAction<S extends z.ZodType, T = undefined>(
  options: StaffActionOptions<S>,
  handler: (input: z.infer<S>, staff: StaffUser, formData: FormData) => Promise<ActionResult<T>>,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionResult<T>> => {
    const staff = await getStaffUser();
    if (!staff) notFound();
    if (!staffMayAct(staff, options.roles)) forbidden();
    const parsed = parseForm(options.schema, formData);
    if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
    const result = await handler(parsed.data, staff, formData);
    if (result.ok && options.revalidate) revalidatePath(options.revalidate);
    return result;
  };
}
