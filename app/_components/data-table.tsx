import type { Key, ReactNode } from "react";
import { EmptyState } from "./empty-state";

export type DataTableColumn<Row> = {
  key: string;
  /** The column's name: its head, and the label before the value where `labelClassName` asks for one. */
  label: string;
  /** The head when it is not the plain name; `false` for none: a phone-only twin of a column that has one. */
  header?: ReactNode | false;
  /** Added to the head cell's padding (a width, `text-right`). */
  headerClassName?: string;
  /** The cell's classes for the card on a phone, and what differs from the frame's wide-screen cell. */
  cellClassName?: string;
  /**
   * Classes of a "Name: " label printed in the cell before the value ("sm:hidden": for the card on a
   * phone; "sr-only": for screen readers, where the head is hidden). Unset, the cell has no label.
   */
  labelClassName?: string;
  /** The cell that names the row: a `<th scope="row">` instead of a `<td>`. */
  rowHeader?: boolean;
  cell: (row: Row) => ReactNode;
};

type Breakpoint = "sm" | "md";
type Frame = "card" | "inset" | "none";
type RowLayout = "stacked" | "title-and-badge";

// Whole class names only, picked from tables: Tailwind sees literal ones and nothing built at run time.
const FRAME_CLASS: Record<Frame, string | null> = {
  card: "rounded-lg border border-slate-200 bg-white shadow-sm",
  inset: "rounded-md border border-slate-200",
  none: null,
};
const HEAD_CELL_PADDING: Record<Frame, string> = { card: "px-4 py-2", inset: "px-3 py-2", none: "" };
const HEAD_HIDDEN_BELOW: Record<Breakpoint, string> = { sm: "hidden sm:table-header-group", md: "hidden md:table-header-group" };
// A list page's card: `stacked`, one cell under another; `title-and-badge`, the first two cells (the
// link and its status) side by side, the others spanning both columns under them.
const ROW_LAYOUT: Record<RowLayout, Record<Breakpoint, string>> = {
  stacked: { sm: "flex flex-col gap-1 px-4 py-3 sm:table-row sm:p-0", md: "flex flex-col gap-1 px-4 py-3 md:table-row md:p-0" },
  "title-and-badge": {
    sm: "grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 px-4 py-3 sm:table-row sm:p-0",
    md: "grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 px-4 py-3 md:table-row md:p-0",
  },
};
const CARD_FRAME_WIDE_CELL: Record<Breakpoint, string> = {
  sm: "sm:table-cell sm:px-4 sm:py-3 sm:align-top",
  md: "md:table-cell md:px-4 md:py-3 md:align-top",
};

const classes = (...names: (string | null | undefined | false)[]) => names.filter(Boolean).join(" ");

/**
 * The portal's table of rows: a caption for screen readers, a column head, one row per item, and
 * the empty state in place of the whole table when there are none. With `stackBelow`, each row is a
 * card on a phone (the head hidden, cells labelled), so nothing scrolls sideways at 360 px.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowLayout,
  rowClassName,
  emptyMessage,
  empty,
  stackBelow,
  frame = "card",
  fixedLayout = false,
  printAsTable = false,
}: {
  caption: string;
  columns: DataTableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => Key;
  /** A list page's card layout (needs `stackBelow`); `rowClassName` instead for a card of its own. */
  rowLayout?: RowLayout;
  rowClassName?: string;
  /** Shown in the portal's empty state when there are no rows; `empty` instead for other markup. */
  emptyMessage?: string;
  empty?: ReactNode;
  /** Below this width rows are cards; unset, it is a table at every width. */
  stackBelow?: Breakpoint;
  /** `card`: a list page's own box, whose cells get the list padding from `stackBelow` on. */
  frame?: Frame;
  fixedLayout?: boolean;
  /** On paper the head shows at any width (the rows' own `print:` classes do the rest). */
  printAsTable?: boolean;
}) {
  if (rows.length === 0) return emptyMessage !== undefined ? <EmptyState message={emptyMessage} /> : <>{empty}</>;
  const wideCell = frame === "card" && stackBelow ? CARD_FRAME_WIDE_CELL[stackBelow] : null;
  const rowClass = rowLayout && stackBelow ? ROW_LAYOUT[rowLayout][stackBelow] : rowClassName;
  const table = (
    <table className={fixedLayout ? "w-full table-fixed text-left text-sm" : "w-full text-left text-sm"}>
      <caption className="sr-only">{caption}</caption>
      <thead
        className={classes(
          stackBelow && HEAD_HIDDEN_BELOW[stackBelow],
          printAsTable && "print:table-header-group",
          "border-b border-slate-200",
          frame !== "none" && "bg-slate-50",
          "text-xs font-semibold text-slate-600 uppercase",
        )}
      >
        <tr>
          {columns
            .filter((column) => column.header !== false)
            .map((column) => (
              <th key={column.key} scope="col" className={classes(column.headerClassName, HEAD_CELL_PADDING[frame]) || undefined}>
                {column.header ?? column.label}
              </th>
            ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} className={rowClass}>
            {columns.map((column) => {
              const Cell = column.rowHeader ? "th" : "td";
              // A phone-only cell (no head) stays out of the wide layout.
              const cellClass = classes(column.cellClassName, column.header !== false && wideCell);
              return (
                <Cell key={column.key} scope={column.rowHeader ? "row" : undefined} className={cellClass || undefined}>
                  {column.labelClassName && <span className={column.labelClassName}>{column.label}: </span>}
                  {column.cell(row)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const frameClass = FRAME_CLASS[frame];
  return frameClass ? <div className={frameClass}>{table}</div> : table;
}
