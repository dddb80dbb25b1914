import { describe, expect, it } from "vitest";
import { invoices, tickets } from "@/db/schema";
import { decodeCursor, encodeCursor, pageSize, toPage, type KeysetOrder } from "@/lib/pagination/keyset";

const byActivity: KeysetOrder = { key: tickets.lastReplyAt, id: tickets.id, type: "timestamp", order: "desc" };
const byDueDate: KeysetOrder = { name: "due_asc", key: invoices.dueDate, id: invoices.id, type: "date", order: "asc" };
const byTotal: KeysetOrder = { name: "total_desc", key: invoices.total, id: invoices.id, type: "integer", order: "desc" };
const raw = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("cursors", () => {
  it("survive the round trip for every key type, microseconds and negative totals included", () => {
    const cases: [KeysetOrder, string][] = [
      [byActivity, "2026-03-01T10:00:00.000001Z"],
      [byDueDate, "2026-12-31"],
      [byTotal, "-1250"],
    ];
    for (const [order, value] of cases) {
      for (const direction of ["after", "before"] as const) {
        expect(decodeCursor(encodeCursor(order, { direction, value, id: 7 }), order)).toEqual({ direction, value, id: 7 });
      }
    }
  });

  it("made for another order read as the first page", () => {
    const cursor = encodeCursor(byDueDate, { direction: "after", value: "2026-01-05", id: 3 });
    expect(decodeCursor(cursor, { ...byDueDate, name: "due_desc" })).toBeNull();
  });

  it.each([
    ["garbage", "nonsense"],
    ["empty", ""],
    ["too long", "x".repeat(500)],
    ["a date that does not exist", raw("|a|2026-02-30T10:00:00.000000Z|5")],
    ["a time without microseconds", raw("|a|2026-03-01T10:00:00Z|5")],
    ["a local time", raw("|a|2026-03-01 10:00:00|5")],
    ["id zero", raw("|a|2026-03-01T10:00:00.000000Z|0")],
    ["an id beyond the column", raw("|a|2026-03-01T10:00:00.000000Z|2147483648")],
    ["an unknown direction", raw("|x|2026-03-01T10:00:00.000000Z|5")],
    ["SQL in the value", raw("|a|2026-03-01'; drop table tickets; --|5")],
  ])("read %s as the first page", (_label, cursor) => {
    expect(decodeCursor(cursor, byActivity)).toBeNull();
  });

  it("refuse a non-date for a date key and a non-number for an integer key", () => {
    expect(decodeCursor(raw("due_asc|a|2026-13-01|5"), byDueDate)).toBeNull();
    expect(decodeCursor(raw("total_desc|a|12.5|5"), byTotal)).toBeNull();
  });
});

describe("toPage", () => {
  const fetched = (ids: number[]) => ids.map((id) => ({ id, cursorKey: `2026-01-${String(id).padStart(2, "0")}` }));

  it("on the first page links forward only when a row beyond the page was fetched", () => {
    const full = toPage(fetched([9, 8, 7]), 2, byDueDate, null, (row) => row.id);
    expect(full.rows).toEqual([9, 8]);
    expect(decodeCursor(full.nextCursor, byDueDate)).toEqual({ direction: "after", value: "2026-01-08", id: 8 });
    expect(full.previousCursor).toBeNull();
    const last = toPage(fetched([9, 8]), 2, byDueDate, null, (row) => row.id);
    expect(last.nextCursor).toBeNull();
  });

  it("going back puts the rows in display order and links both ways while more lie behind", () => {
    const page = toPage(fetched([5, 6, 7]), 2, byDueDate, { direction: "before", value: "2026-01-04", id: 4 }, (row) => row.id);
    expect(page.rows).toEqual([6, 5]);
    expect(decodeCursor(page.previousCursor, byDueDate)).toEqual({ direction: "before", value: "2026-01-06", id: 6 });
    expect(decodeCursor(page.nextCursor, byDueDate)).toEqual({ direction: "after", value: "2026-01-05", id: 5 });
  });
});

describe("pageSize", () => {
  it("keeps a bad size from becoming an unbounded query", () => {
    expect(pageSize(25)).toBe(25);
    expect(pageSize(10_000)).toBe(100);
    for (const bad of [0, -5, 2.5, Number.NaN, undefined]) expect(pageSize(bad)).toBe(20);
    expect(pageSize(undefined, 50)).toBe(50);
  });
});
