"use client";

import { FormAlert } from "@/app/_components/form-alert";
import { disableTwoFactorAction } from "../actions";
import { TwoProofForm } from "./two-proof-form";

export function DisableTwoFactorForm() {
  return (
    <TwoProofForm
      action={disableTwoFactorAction}
      texts="twoFactor.disable"
      tone="danger"
      done={(result) => <FormAlert kind="success" message={result.message ?? "twoFactor.disable.done"} />}
    />
  );
}
