import Link from "next/link";

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-4 text-sm print:hidden">
      <Link href={href} className="font-medium text-brand-700 hover:underline">
        {label}
      </Link>
    </p>
  );
}
