"use client";

import { useState } from "react";
import { Field } from "@/app/_components/field";
import { PasswordStrengthMeter } from "@/app/_components/password-strength-meter";
import { preloadPasswordPolicy } from "@/lib/account/password-policy";

type NewPasswordFieldsProps = {
  names: { password: string; confirmation: string };
  labels: { password: string; confirmation: string };
  hint: string;
  /** Whose password it is: the meter refuses what the server refuses (their email, their name). */
  email: string;
  personName: string;
  fieldErrors?: Record<string, string>;
  /** What was typed before the last refusal (useRememberingForm), put back unless it was wrong. */
  submittedValue: (field: string) => string | undefined;
};

/** A new password with its live strength meter, and its confirmation: the same on every form that sets one. */
export function NewPasswordFields({ names, labels, hint, email, personName, fieldErrors, submittedValue }: NewPasswordFieldsProps) {
  const passwordError = fieldErrors?.[names.password];
  const confirmationError = fieldErrors?.[names.confirmation];
  const keptPassword = passwordError ? "" : (submittedValue(names.password) ?? "");
  // A wrong new password makes its confirmation worthless too.
  const keptConfirmation = passwordError || confirmationError ? "" : (submittedValue(names.confirmation) ?? "");
  const [password, setPassword] = useState(keptPassword);
  return (
    <>
      {/* Listening around the shared Field: its input stays uncontrolled, the meter follows what is typed. */}
      <div
        className="space-y-3"
        onFocus={preloadPasswordPolicy}
        onInput={(event) => {
          const target = event.target as HTMLInputElement;
          if (target.name === names.password) setPassword(target.value);
        }}
      >
        <Field name={names.password} type="password" label={labels.password} autoComplete="new-password" hint={hint} defaultValue={keptPassword} required error={passwordError} />
        <PasswordStrengthMeter password={password} email={email} name={personName} />
      </div>
      <Field
        name={names.confirmation}
        type="password"
        label={labels.confirmation}
        autoComplete="new-password"
        defaultValue={keptConfirmation}
        required
        error={confirmationError}
      />
    </>
  );
}
