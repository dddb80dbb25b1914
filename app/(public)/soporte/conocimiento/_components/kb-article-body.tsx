import { kbBlocks, type KbBlock } from "@/lib/support/kb-blocks";

/**
 * An article's text as customers read it, and as the staff's "Vista previa" shows it: the same
 * component on both, so the preview cannot drift from the page. A small plain-text subset, never HTML.
 */
export function KbArticleBody({ body }: { body: string }) {
  return (
    <div className="max-w-prose space-y-4 text-base leading-relaxed text-slate-800">
      {kbBlocks(body).map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </div>
  );
}

// React escapes every string: a "<script>" in an article is shown as text.
function Block({ block }: { block: KbBlock }) {
  if (block.kind === "heading") return <h2 className="text-lg font-semibold text-slate-900">{block.text}</h2>;
  if (block.kind === "list") {
    const items = block.items.map((item, index) => <li key={index}>{item}</li>);
    return block.ordered ? <ol className="list-decimal space-y-1 pl-6">{items}</ol> : <ul className="list-disc space-y-1 pl-6">{items}</ul>;
  }
  return <p className="whitespace-pre-line">{block.text}</p>;
}
