"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

export type NavLink = { label: string; href: string };
export type NavGroup = { key: string; label: string; href?: string; items: NavLink[] };

type Props = {
  groups: NavGroup[];
  /** Rendered at the end of both the desktop bar and the drawer (account menu, sign out). */
  accountGroup: { label: string; items: NavLink[]; signOutLabel: string; signOutAction: () => Promise<void> };
  labels: { openMenu: string; closeMenu: string; menu: string };
};

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Desktop: one dropdown open at a time. Escape or a click elsewhere closes it. */
function Dropdown({ label, items, children, align = "left" }: { label: string; items: NavLink[]; children?: React.ReactNode; align?: "left" | "right" }) {
  const pathname = usePathname();
  // Remembering the path it was opened on closes the menu after a navigation, without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const menuId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const active = items.some((item) => isCurrent(pathname, item.href));

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpenOn(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpenOn(null);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={wrapper} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className={`flex items-center gap-1 rounded-md px-3 py-2 text-sm font-medium hover:bg-brand-700 ${active ? "bg-brand-700" : ""}`}
      >
        {label}
        <span aria-hidden="true">▾</span>
      </button>
      <ul
        id={menuId}
        hidden={!open}
        className={`absolute top-full z-30 mt-1 min-w-56 rounded-md border border-slate-200 bg-white py-1 text-slate-800 shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
      >
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined} className="block px-4 py-2 text-sm hover:bg-slate-100">
              {item.label}
            </Link>
          </li>
        ))}
        {children}
      </ul>
    </div>
  );
}

function SignOutButton({ label, action, className }: { label: string; action: () => Promise<void>; className: string }) {
  return (
    <form action={action}>
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}

export function PortalNav({ groups, accountGroup, labels }: Props) {
  const pathname = usePathname();
  const [drawerOpenOn, setDrawerOpenOn] = useState<string | null>(null);
  const drawerOpen = drawerOpenOn === pathname;
  const drawerId = useId();
  const openButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLDivElement>(null);

  // While the drawer is open: focus moves into it, Escape closes it, Tab stays inside it.
  useEffect(() => {
    if (!drawerOpen) return;
    const panel = drawer.current;
    const focusables = () => Array.from(panel?.querySelectorAll<HTMLElement>("a[href], button:not([disabled])") ?? []);
    focusables()[0]?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setDrawerOpenOn(null);
        openButton.current?.focus();
      } else if (event.key === "Tab") {
        const items = focusables();
        const first = items[0];
        const last = items[items.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first?.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    document.body.style.overflow = "hidden";
    return () => {
      document.removeEventListener("keydown", onKey);
      document.body.style.overflow = "";
    };
  }, [drawerOpen]);

  const closeDrawer = () => {
    setDrawerOpenOn(null);
    openButton.current?.focus();
  };

  return (
    <>
      <nav aria-label={labels.menu} className="hidden flex-1 items-center gap-1 md:flex">
        {groups.map((group) =>
          group.href ? (
            <Link
              key={group.key}
              href={group.href}
              aria-current={isCurrent(pathname, group.href) ? "page" : undefined}
              className={`rounded-md px-3 py-2 text-sm font-medium hover:bg-brand-700 ${isCurrent(pathname, group.href) ? "bg-brand-700" : ""}`}
            >
              {group.label}
            </Link>
          ) : (
            <Dropdown key={group.key} label={group.label} items={group.items} />
          ),
        )}
        <div className="ml-auto">
          <Dropdown label={accountGroup.label} items={accountGroup.items} align="right">
            <li>
              <SignOutButton label={accountGroup.signOutLabel} action={accountGroup.signOutAction} className="block w-full px-4 py-2 text-left text-sm hover:bg-slate-100" />
            </li>
          </Dropdown>
        </div>
      </nav>

      <button
        ref={openButton}
        type="button"
        aria-expanded={drawerOpen}
        aria-controls={drawerId}
        onClick={() => setDrawerOpenOn(pathname)}
        className="ml-auto rounded-md px-3 py-2 text-sm font-medium hover:bg-brand-700 md:hidden"
      >
        <span aria-hidden="true">☰ </span>
        {labels.openMenu}
      </button>

      <div hidden={!drawerOpen} className="md:hidden">
        <div className="fixed inset-0 z-40 bg-slate-900/50" aria-hidden="true" onClick={closeDrawer} />
        <div
          ref={drawer}
          id={drawerId}
          role="dialog"
          aria-modal="true"
          aria-label={labels.menu}
          className="fixed inset-y-0 right-0 z-50 flex w-80 max-w-[85vw] flex-col overflow-y-auto bg-white text-slate-800 shadow-xl"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <span className="font-semibold">{labels.menu}</span>
            <button type="button" onClick={closeDrawer} className="rounded-md px-2 py-1 text-sm hover:bg-slate-100">
              {labels.closeMenu}
            </button>
          </div>
          <nav
            aria-label={labels.menu}
            className="flex-1 px-2 py-2"
            onClick={(event) => {
              // A link to the page already shown does not change the path; close the drawer anyway.
              if ((event.target as HTMLElement).closest("a")) setDrawerOpenOn(null);
            }}
          >
            <ul className="space-y-1">
              {groups.map((group) => (
                <li key={group.key}>
                  {group.href ? (
                    <Link href={group.href} aria-current={isCurrent(pathname, group.href) ? "page" : undefined} className="block rounded-md px-3 py-2 font-medium hover:bg-slate-100">
                      {group.label}
                    </Link>
                  ) : (
                    <>
                      <p className="px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.label}</p>
                      <ul>
                        {group.items.map((item) => (
                          <li key={item.href}>
                            <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined} className="block rounded-md px-3 py-2 hover:bg-slate-100">
                              {item.label}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </li>
              ))}
              <li>
                <p className="px-3 pt-3 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{accountGroup.label}</p>
                <ul>
                  {accountGroup.items.map((item) => (
                    <li key={item.href}>
                      <Link href={item.href} className="block rounded-md px-3 py-2 hover:bg-slate-100">
                        {item.label}
                      </Link>
                    </li>
                  ))}
                  <li>
                    <SignOutButton label={accountGroup.signOutLabel} action={accountGroup.signOutAction} className="block w-full rounded-md px-3 py-2 text-left hover:bg-slate-100" />
                  </li>
                </ul>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </>
  );
}
