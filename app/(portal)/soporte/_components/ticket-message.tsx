/**
 * A ticket message exactly as it was written: plain text, never HTML. React escapes every character,
 * so a "<script>" or an "onerror=" in a message is shown as text; pre-wrap keeps the line breaks.
 */
export function TicketMessage({ text }: { text: string }) {
  return <div className="px-4 py-3 text-sm break-words whitespace-pre-wrap text-slate-900">{text}</div>;
}
