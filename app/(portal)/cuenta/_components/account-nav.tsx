"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The account pages (walkthrough §3: the column on the left); on a phone a row of links above the page. */
export function AccountNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white lg:p-2 lg:shadow-sm">
      <p className="mb-2 px-1 text-xs font-semibold tracking-wide text-slate-500 uppercase lg:px-2 lg:pt-1">{label}</p>
      <ul className="flex flex-wrap gap-2 lg:flex-col lg:gap-0.5">
        {links.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md border px-3 py-1.5 text-sm lg:border-0 lg:py-2 ${
                  current
                    ? "border-brand-600 bg-brand-600 font-semibold text-white lg:bg-brand-50 lg:text-brand-800"
                    : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
