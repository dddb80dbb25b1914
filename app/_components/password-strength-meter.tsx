"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { checkPassword, PASSWORD_MIN_SCORE, type PasswordCheck, type PasswordScore } from "@/lib/account/password-policy";

const LEVELS: PasswordScore[] = [0, 1, 2, 3, 4];
const LEVEL_COLOURS: Record<PasswordScore, string> = {
  0: "bg-red-600",
  1: "bg-orange-500",
  2: "bg-amber-400",
  3: "bg-lime-600",
  4: "bg-green-700",
};
// Checking on every keystroke would spend the phone's CPU on passwords nobody finished typing.
const DEBOUNCE_MS = 150;

type Checked = { password: string; result: PasswordCheck };

/**
 * The live strength bar under every new password (Cambiar contraseña, the reset link, an invitation):
 * five levels from "Muy débil" to "Muy fuerte", what the server would refuse, and zxcvbn's advice for
 * this password. The same policy module enforces it on the server, so a password the meter accepts is
 * one the server accepts.
 */
export function PasswordStrengthMeter({ password, email, name }: { password: string; email: string; name: string }) {
  const t = useTranslations("security.strength");
  const tAll = useTranslations();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      checkPassword(password, { email, userInputs: [name] })
        .then((result) => {
          if (cancelled) return;
          setChecked({ password, result });
          setFailed(false);
        })
        .catch(() => {
          if (!cancelled) setFailed(true);
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, email, name]);

  const current = password && checked?.password === password ? checked.result : null;
  // A refused password never shows as "Fuerte", whatever zxcvbn's score, so the bar agrees with the server.
  const level: PasswordScore | null = current ? (current.ok ? current.score : (Math.min(current.score, PASSWORD_MIN_SCORE - 1) as PasswordScore)) : null;

  let status: string;
  if (!password) status = t("empty");
  else if (current && level !== null) status = t("level", { level: t(`levels.${level}`) });
  else if (failed) status = t("unavailable");
  else status = t("checking");

  return (
    <div className="space-y-2">
      <div className="flex gap-1" aria-hidden="true">
        {LEVELS.map((segment) => (
          <span
            key={segment}
            className={`h-2 flex-1 rounded-full transition-colors ${level !== null && segment <= level ? LEVEL_COLOURS[level] : "bg-slate-200"}`}
          />
        ))}
      </div>
      <div aria-live="polite" className="space-y-1 text-sm">
        <p className="font-medium text-slate-800">
          <span className="sr-only">{t("label")}. </span>
          {status}
        </p>
        {current && (
          <>
            <p className={current.ok ? "text-green-800" : "text-red-700"}>{current.errorKey ? tAll(current.errorKey) : t("meets")}</p>
            {current.suggestions.length > 0 && (
              <ul className="list-disc space-y-0.5 pl-5 text-slate-600">
                {current.suggestions.map((key) => (
                  <li key={key}>{tAll(key)}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}
