import { splitParagraphs } from "@/lib/support/paragraphs";

/** An announcement's text as customers read it and as the staff's preview shows it: plain text, paragraphs on blank lines, React escapes the rest. */
export function AnnouncementBody({ body }: { body: string }) {
  return (
    <div className="max-w-prose space-y-4 text-base leading-relaxed text-slate-800">
      {splitParagraphs(body).map((paragraph, index) => (
        <p key={index} className="whitespace-pre-line">
          {paragraph}
        </p>
      ))}
    </div>
  );
}
