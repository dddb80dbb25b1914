"use client";

import { useActionState } from "react";
import { FormAlert } from "@/app/_components/form-alert";
import { panelLoginAction } from "../actions";

/**
 * A POST asking for a fresh one-time panel session; the server redirects straight to it. A refusal
 * (panel down, service not active) is shown under the button.
 */
export function PanelLoginButton({
  serviceId,
  panel,
  app,
  label,
  pendingLabel,
  className,
  children,
}: {
  serviceId: number;
  panel: "cpanel" | "webmail";
  app?: string;
  label: string;
  pendingLabel: string;
  className: string;
  children?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(panelLoginAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="serviceId" value={String(serviceId)} />
      <input type="hidden" name="panel" value={panel} />
      {app && <input type="hidden" name="app" value={app} />}
      <button type="submit" disabled={pending} aria-busy={pending} className={className}>
        {children}
        <span>{pending ? pendingLabel : label}</span>
      </button>
      {state && !state.ok && <FormAlert kind="error" message={state.error} />}
    </form>
  );
}
