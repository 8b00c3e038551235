// Reads a marketing plan out of a workbook snapshot, whoever made it: the add-in's plan template
// (recognised by its defined names and its table headers) or a plan somebody laid out themselves
// (headings numbered or bold, labels before colons, 项目/内容 tables, on any sheet). The structure
// readers live in ./read/; this file puts them together. Works on the port's snapshot only, so it is
// the same in Excel, in the browser and on the CLI.
import type { PlanDocument } from "../core/rubric";
import { splitSheetRef } from "../core/a1";
import { cellValueAt, type SheetSnapshot, type WorkbookSnapshot } from "../workbook/port";
import { emptyCollect } from "./read/collect";
import { labelledDealer, titleDealer } from "./read/dealer";
import { Grid } from "./read/grid";
import { isHeadingText } from "./read/headings";
import { readNames, templateSheets } from "./read/names";
import { readSections, textActuals } from "./read/sections";
import { cellText } from "./read/values";
import { SCORECARD_TITLES } from "./scorecard-titles";

export { refOf } from "./read/grid";

/** The sheet and A1 address of an evidence reference ("'营销计划'!D7"), e.g. for the pane to select it. */
export const splitRef = splitSheetRef;

/** True for the scorecard sheet this add-in writes, so scoring a scored copy does not read it back. */
function isScorecard(sheet: SheetSnapshot): boolean {
  const a1 = cellText(cellValueAt(sheet.cells, 0, 0));
  return SCORECARD_TITLES.some((t) => a1.startsWith(t));
}

/**
 * A plan is a document: the rows of a sheet past this one are data (an export pasted beside the
 * plan), not text to read for the rubric. Without the bound a million-row sheet became a million
 * lines of section text and overran a 512 MB heap; real plans stay far below it.
 */
export const PLAN_MAX_ROWS = 20_000;

function planRows(sheet: SheetSnapshot): SheetSnapshot {
  if (sheet.cells.every((c) => c.row < PLAN_MAX_ROWS)) return sheet;
  return { ...sheet, cells: sheet.cells.filter((c) => c.row < PLAN_MAX_ROWS) };
}

export function readPlan(wb: WorkbookSnapshot): PlanDocument {
  const out = emptyCollect();
  const template = templateSheets(wb);
  let titled: string | undefined;
  for (const whole of wb.sheets) {
    if (isScorecard(whole)) continue;
    const sheet = planRows(whole);
    const g = new Grid(sheet, isHeadingText);
    readSections(g, out, template.has(sheet.name));
    if (!template.has(sheet.name)) {
      out.dealer ??= labelledDealer(g);
      titled ??= titleDealer(g);
    }
  }
  readNames(wb, out);
  // Actuals written in prose ("销量424台（目标450台）") count as much as a review table's.
  for (const e of [...out.elements]) textActuals(e.text, e.ref, out);
  const { dealer: labelled, ...rest } = out;
  const dealer = labelled ?? titled;
  return dealer !== undefined ? { dealer, ...rest } : rest;
}
