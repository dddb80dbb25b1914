const TONES = {
  green: "bg-green-100 text-green-800",
  amber: "bg-amber-100 text-amber-800",
  red: "bg-red-100 text-red-800",
  slate: "bg-slate-100 text-slate-700",
  blue: "bg-brand-100 text-brand-800",
} as const;

export type BadgeTone = keyof typeof TONES;

export function StatusBadge({ label, tone }: { label: string; tone: BadgeTone }) {
  return <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{label}</span>;
}
