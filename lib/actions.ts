import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Permission } from "@/db/schema";
import { hasPermission } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { runActingAs } from "@/lib/staff/impersonation-context";

/**
 * What every server action returns to useActionState. `error` and `fieldErrors` hold message keys
 * (e.g. "errors.required"); the form translates them next to the field.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type ActionState<T = undefined> = ActionResult<T> | null;

/** zod issues -> { field: messageKey }, first issue per field wins. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    // Our schemas give message keys ("errors.required", "account.errors.postcodeSpain"); zod's own English text is never shown.
    fieldErrors[field] ??= /^([a-z][A-Za-z]*\.)?errors\.[A-Za-z0-9_.]+$/.test(issue.message) ? issue.message : "errors.invalidValue";
  }
  return fieldErrors;
}

/** Only the fields the schema names are read from the form; anything else sent is ignored. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): z.ZodSafeParseResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((value) => typeof value === "string");
    raw[key] = values.length > 1 ? values : values[0];
  }
  return schema.safeParse(raw);
}

type Options<S extends z.ZodType> = {
  schema: S;
  permission?: Permission;
  revalidate?: string;
  /**
   * The account's ways in (password, email, two-factor, passkeys, security question): refused while
   * staff act as the client ("Acceder como cliente"), so staff can never leave a credential of their
   * own behind on a customer's account.
   */
  credentials?: boolean;
};

/** The one wrapper for signed-in actions: session -> permission -> zod -> use case -> revalidate. */
export function userAction<S extends z.ZodType, T = undefined>(
  options: Options<S>,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<ActionResult<T>>,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionResult<T>> => {
    const user = await getSessionUser();
    if (!user) return { ok: false, error: "errors.signedOut" };
    if (options.permission && !hasPermission(user, options.permission)) return { ok: false, error: "errors.forbidden" };
    if (options.credentials && user.impersonator) return { ok: false, error: "errors.notWhileImpersonating" };
    const parsed = parseForm(options.schema, formData);
    if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
    const acting = user.impersonator ? { staffUserId: user.impersonator.staffUserId, clientId: user.clientId } : null;
    const result = await runActingAs(acting, () => handler(parsed.data, user));
    if (result.ok && options.revalidate) revalidatePath(options.revalidate);
    return result;
  };
}

/** Same shape for the signed-out pages (sign-in, password reset). */
export function publicAction<S extends z.ZodType, T = undefined>(
  options: { schema: S },
  handler: (input: z.infer<S>) => Promise<ActionResult<T>>,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionResult<T>> => {
    const parsed = parseForm(options.schema, formData);
    if (!parsed.success) return { ok: false, error: "errors.checkFields", fieldErrors: fieldErrorsFrom(parsed.error) };
    return handler(parsed.data);
  };
}
