/**
 * "Restore live functions" for shared formulas: writes a shared-formula group back as the group
 * it was, where the restore brings the whole group back in place.
 */
import type { EditOp } from "../workbook/ooxml/sheet-edit";
import type { RecordCell } from "./record";
import type { RestoreOp } from "./restore";
import type { LoadedSheet } from "./xlsx-sheet";

/**
 * A shared-formula group that comes back whole and in place is written back as the group it was
 * (the master with its range and text, members with the si only), so the sheet is what it was.
 * Otherwise each cell keeps its own full formula, which means the same to every reader. A group
 * number another group now uses (a re-save renumbers them) is replaced by a free one.
 */
export function regroupShared(
  sheet: string,
  ops: Map<string, EditOp>,
  planned: readonly RestoreOp[],
  cells: readonly RecordCell[],
  loaded: LoadedSheet | null,
): void {
  if (!loaded) return;
  const groups = new Map<string, RestoreOp[]>();
  for (const op of planned)
    if (op.kind === "formula" && op.sheet === sheet && op.shared) {
      const list = groups.get(op.shared.si) ?? [];
      list.push(op);
      groups.set(op.shared.si, list);
    }
  for (const [si, list] of groups) {
    const all = cells.filter((c) => c.sheet === sheet && c.shared?.si === si);
    const restored = new Set(list.map((o) => (o.kind === "formula" ? o.recorded : "")));
    const inPlace = list.every((o) => o.kind === "formula" && o.address === o.recorded);
    const master = all.find((c) => c.shared?.ref);
    if (!inPlace || !master || !all.every((c) => restored.has(c.address))) continue;
    const mine = new Set(list.map((o) => o.address));
    const used = loaded.edit.cells
      .filter((c) => !mine.has(c.address) && c.f?.attrs.t === "shared")
      .map((c) => Number(c.f?.attrs.si));
    const free = used.includes(Number(si)) ? String(Math.max(-1, ...used) + 1) : si;
    for (const o of list) {
      const cur = ops.get(o.address);
      if (!cur || cur.kind !== "formula") continue;
      ops.set(o.address, {
        ...cur,
        shared: {
          si: free,
          ...(master.shared?.ref ? { ref: master.shared.ref } : {}),
          member: o.address !== master.address,
        },
      });
    }
  }
}
