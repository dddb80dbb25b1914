import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { listHref } from "@/app/_components/list-href";

type Row = { id: number; name: string; status: string };

const columns: DataTableColumn<Row>[] = [
  { key: "name", label: "Nombre", rowHeader: true, cell: (row) => row.name },
  { key: "status-on-phone", label: "Estado", header: false, cellClassName: "sm:hidden", labelClassName: "sr-only", cell: (row) => row.status },
  { key: "status", label: "Estado", headerClassName: "text-right", cellClassName: "hidden", labelClassName: "sm:hidden", cell: (row) => row.status },
];

function render(rows: Row[]): string {
  return renderToStaticMarkup(
    createElement(DataTable<Row>, { caption: "Filas", columns, rows, rowKey: (row) => row.id, emptyMessage: "No hay filas.", stackBelow: "sm", rowLayout: "stacked" }),
  );
}

describe("DataTable", () => {
  it("heads only the columns that have one and labels the cells that ask for it", () => {
    const html = render([{ id: 1, name: "Uno", status: "Abierto" }]);
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    const fragments = [
      '<caption class="sr-only">Filas</caption>',
      '<thead class="hidden sm:table-header-group border-b border-slate-200 bg-slate-50',
      '<th scope="col" class="text-right px-4 py-2">Estado</th>',
      '<tr class="flex flex-col gap-1 px-4 py-3 sm:table-row sm:p-0">',
      '<th scope="row" class="sm:table-cell sm:px-4 sm:py-3 sm:align-top">Uno</th>',
      // The phone-only twin gets no wide-screen cell classes; the headed one does.
      '<td class="sm:hidden"><span class="sr-only">Estado: </span>Abierto</td>',
      '<td class="hidden sm:table-cell sm:px-4 sm:py-3 sm:align-top"><span class="sm:hidden">Estado: </span>Abierto</td>',
    ];
    for (const fragment of fragments) expect(html).toContain(fragment);
  });

  it("shows the empty state instead of the table when there are no rows", () => {
    const html = render([]);
    expect(html).not.toContain("<table");
    expect(html).toContain("<p>No hay filas.</p>");
  });
});

describe("listHref", () => {
  it("keeps the values given and leaves the empty ones out", () => {
    expect(listHref("/soporte/tickets", { estado: "abiertos", cursor: "a b" })).toBe("/soporte/tickets?estado=abiertos&cursor=a+b");
    expect(listHref("/facturacion/facturas", { estado: null, orden: undefined, cursor: "" })).toBe("/facturacion/facturas");
  });
});
