/** A titled box; `titleId` lets the section be labelled by its heading. */
export function Card({ title, titleId, actions, children, className = "" }: { title?: string; titleId?: string; actions?: React.ReactNode; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={title ? titleId : undefined} className={`rounded-lg border border-slate-200 bg-white shadow-sm ${className}`}>
      {title && (
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {actions}
        </div>
      )}
      <div className="p-4">{children}</div>
    </section>
  );
}
