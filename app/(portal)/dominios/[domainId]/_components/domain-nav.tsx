"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type DomainNavLink = { href: string; label: string };

const linkClass = (current: boolean) =>
  `block rounded-md px-3 py-2 text-sm ${current ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-50"}`;

function Links({ links, pathname }: { links: DomainNavLink[]; pathname: string }) {
  return (
    <ul className="space-y-0.5">
      {links.map((link) => {
        const current = pathname === link.href;
        return (
          <li key={link.href}>
            <Link href={link.href} aria-current={current ? "page" : undefined} className={linkClass(current)}>
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The walkthrough's left "Administrar" column (§5.2). On a phone it folds into a disclosure above the
 * page that names the page open now, so the form is the first thing on the screen.
 */
export function DomainNav({ label, openLabel, links }: { label: string; /** "Administrar: {page}" */ openLabel: string; links: DomainNavLink[] }) {
  const pathname = usePathname();
  const current = links.find((link) => link.href === pathname);
  return (
    <>
      <nav aria-label={label} className="hidden rounded-lg border border-slate-200 bg-white p-2 shadow-sm lg:block">
        <p className="mb-1 px-3 pt-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</p>
        <Links links={links} pathname={pathname} />
      </nav>
      <details key={pathname} className="rounded-lg border border-slate-200 bg-white shadow-sm lg:hidden">
        <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-slate-800">{current ? openLabel.replace("{page}", current.label) : label}</summary>
        <nav aria-label={label} className="border-t border-slate-100 p-2">
          <Links links={links} pathname={pathname} />
        </nav>
      </details>
    </>
  );
}
