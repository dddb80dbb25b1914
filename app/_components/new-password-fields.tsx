"use client";

import { useState } from "react";
import { Field } from "@/app/_components/field";
import { PasswordStrengthMeter } from "@/app/_components/password-strength-meter";
import { preloadPasswordPolicy } from "@/lib/account/password-policy";

type NewPasswordFieldsProps = {
  /** The form's field names; the reset and invitation forms use the defaults. */
  names?: { password: string; confirmation: string };
  labels: { password: string; confirmation: string };
  hint: string;
  /** Whose password it is: the meter refuses what the server refuses (their email, their name). */
  email: string;
  personName: string;
  /** The form's last refusal (useRememberingForm): what was typed is put back unless it was wrong. */
  form: { fieldErrors?: Record<string, string>; submittedValue: (field: string) => string | undefined };
};

const DEFAULT_NAMES = { password: "password", confirmation: "passwordConfirmation" };

/** A new password with its live strength meter, and its confirmation: the same on every form that sets one. */
export function NewPasswordFields({ names = DEFAULT_NAMES, labels, hint, email, personName, form }: NewPasswordFieldsProps) {
  const { fieldErrors, submittedValue } = form;
  const passwordError = fieldErrors?.[names.password];
  const confirmationError = fieldErrors?.[names.confirmation];
  const keptPassword = passwordError ? "" : (submittedValue(names.password) ?? "");
  // A wrong new password makes its confirmation worthless too.
  const keptConfirmation = passwordError || confirmationError ? "" : (submittedValue(names.confirmation) ?? "");
  const [password, setPassword] = useState(keptPassword);
  return (
    <>
      {/* Lets a password manager store the new password under the address it belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
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
