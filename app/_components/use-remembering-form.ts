"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionResult, ActionState } from "@/lib/actions";

type RememberingState<T> = { result: ActionResult<T>; submitted: FormData | null; submission: number } | null;

/**
 * For forms remounted after every submission (key = formKey): empty after a success; after a refusal
 * they keep what was typed (submittedValue) and focus moves to the first field the server refused.
 */
export function useRememberingForm<T = undefined>(action: (previous: ActionState<T>, formData: FormData) => Promise<ActionResult<T>>) {
  const [state, formAction] = useActionState(async (previous: RememberingState<T>, formData: FormData): Promise<RememberingState<T>> => {
    const result = await action(null, formData);
    return { result, submitted: result.ok ? null : formData, submission: (previous?.submission ?? 0) + 1 };
  }, null);
  const formRef = useRef<HTMLFormElement>(null);
  const result = state?.result;
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;

  useEffect(() => {
    if (fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [fieldErrors]);

  const submittedValue = (field: string): string | undefined => {
    const value = state?.submitted?.get(field);
    return typeof value === "string" ? value : undefined;
  };

  return { formAction, formRef, formKey: state?.submission ?? 0, result, fieldErrors, submittedValue };
}
