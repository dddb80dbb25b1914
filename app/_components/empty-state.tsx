/** What a list shows when it has nothing, with the next step the customer can take. */
export function EmptyState({ message, action }: { message: string; action?: React.ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
      <p>{message}</p>
      {action && <div className="mt-3">{action}</div>}
    </div>
  );
}
