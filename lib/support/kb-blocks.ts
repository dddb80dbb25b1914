// Apart from the queries so the staff's "Vista previa" (a client component) renders with this very function.

/**
 * The article body as blocks of a small text subset, never HTML: blank lines separate blocks; a
 * block whose lines all start with "- " is a list, "1. " a numbered list, "## " a heading.
 */
export type KbBlock = { kind: "paragraph"; text: string } | { kind: "heading"; text: string } | { kind: "list"; ordered: boolean; items: string[] };

export function kbBlocks(body: string): KbBlock[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block): KbBlock => {
      const lines = block.split("\n").map((line) => line.trim());
      if (lines.length === 1 && /^#{2,3} /.test(lines[0]!)) return { kind: "heading", text: lines[0]!.replace(/^#{2,3} /, "") };
      if (lines.every((line) => /^- /.test(line))) return { kind: "list", ordered: false, items: lines.map((line) => line.slice(2)) };
      if (lines.every((line) => /^\d+\. /.test(line))) return { kind: "list", ordered: true, items: lines.map((line) => line.replace(/^\d+\. /, "")) };
      return { kind: "paragraph", text: block };
    });
}
