// Apart from the queries so the staff's preview of an announcement (a client component) uses this very function.

/** Paragraphs are separated by blank lines; single line breaks stay inside their paragraph. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}
