// The Office path's planning in tests: what Excel would read after a batch of operations, and the
// restore planner's view over it (names as preparing wrote them, for a workbook nobody reshaped).
import { parseRef } from "../../src/core/formula";
import { liveCell, type CellOp, type LiveSheet } from "../../src/share/live";
import type { TrackName } from "../../src/share/record";
import type { RestoreView } from "../../src/share/restore";
import { trackRefersTo } from "../../src/share/track";

export function applied(sheet: LiveSheet, ops: readonly CellOp[]): LiveSheet {
  const formulas = sheet.formulas.map((r) => [...r]);
  const values = sheet.values.map((r) => [...r]);
  for (const op of ops) {
    if (op.sheet !== sheet.name) continue;
    const ref = parseRef(op.address);
    if (!ref) continue;
    const i = ref.top - sheet.top;
    const j = ref.left - sheet.left;
    while (formulas.length <= i) formulas.push([]);
    while (values.length <= i) values.push([]);
    if (op.kind === "formula") formulas[i][j] = op.formula;
    else if (op.kind === "value") {
      formulas[i][j] = op.value;
      values[i][j] = op.value;
    } else {
      formulas[i][j] = "";
      values[i][j] = "";
    }
  }
  return { ...sheet, formulas, values };
}

export function viewOf(sheets: readonly LiveSheet[], track: readonly TrackName[]): RestoreView {
  const names = new Map(track.map((t) => [t.name.toLowerCase(), trackRefersTo(t)]));
  const names2 = new Set(sheets.map((s) => s.name));
  return {
    sheetExists: (s) => names2.has(s),
    nameRefersTo: (n) => names.get(n.toLowerCase()),
    cell: liveCell(sheets),
  };
}
