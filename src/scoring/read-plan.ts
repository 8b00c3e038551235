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

export function readPlan(wb: WorkbookSnapshot): PlanDocument {
  const out = emptyCollect();
  const template = templateSheets(wb);
  let titled: string | undefined;
  for (const sheet of wb.sheets) {
    if (isScorecard(sheet)) continue;
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
