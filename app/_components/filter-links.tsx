import Link from "next/link";

export type FilterLink = { key: string; label: string; href: string; current: boolean };

/** A list page's filters as a row of pill links, the chosen one marked for screen readers too. */
export function FilterLinks({ label, links, className = "mb-4" }: { label: string; links: FilterLink[]; className?: string }) {
  return (
    <nav aria-label={label} className={className}>
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.key}>
            <Link
              href={link.href}
              aria-current={link.current ? "page" : undefined}
              className={`inline-block rounded-full border px-3 py-1 text-sm ${
                link.current ? "border-brand-600 bg-brand-600 font-semibold text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
              }`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
