/**
 * Reading a worksheet part for the .xlsx share paths: its editable cells with each cell's own
 * formula, the workbook's defined names as references, the shared strings, and a formula as shown.
 */
import { parseRef, shiftFormula, tokenize, type RefInfo } from "../core/formula";
import { Package, REL } from "../workbook/ooxml/package";
import { readSharedStrings } from "../workbook/ooxml/read";
import { parseEditable, type EditableSheet, type EditCell } from "../workbook/ooxml/sheet-edit";

export const display = (formula: string): string => "=" + formula;

/** A sheet's editable cells with each cell's own formula (shared-formula members expanded). */
export interface LoadedSheet {
  readonly edit: EditableSheet;
  readonly formulaOf: (c: EditCell) => string | undefined;
}

export function loadSheet(pkg: Package, part: string): LoadedSheet {
  const edit = parseEditable(pkg.text(part) ?? "", part);
  const masters = new Map<string, EditCell>();
  for (const c of edit.cells)
    if (c.f?.attrs.t === "shared" && c.f.text && c.f.attrs.si !== undefined) masters.set(c.f.attrs.si, c);
  const formulaOf = (c: EditCell): string | undefined => {
    if (!c.f) return undefined;
    if (c.f.attrs.t === "shared" && !c.f.text) {
      const m = c.f.attrs.si !== undefined ? masters.get(c.f.attrs.si) : undefined;
      return m?.f ? shiftFormula(m.f.text, c.row - m.row, c.col - m.col) : undefined;
    }
    return c.f.text;
  };
  return { edit, formulaOf };
}

export function nameResolver(pkg: Package, sheetIndex: number): (name: string) => RefInfo | undefined {
  return (name) => {
    const key = name.replace(/^.*!/, "").toUpperCase();
    const list = pkg.names.filter((n) => n.name.toUpperCase() === key);
    const pick =
      list.find((n) => n.localSheetId === sheetIndex) ?? list.find((n) => n.localSheetId === undefined);
    if (!pick) return undefined;
    const toks = tokenize(pick.text).filter((t) => t.type !== "eof");
    return toks.length === 1 && toks[0].type === "ref"
      ? parseRef(toks[0].text, toks[0].sheet ?? "")
      : undefined;
  };
}

export function strings(pkg: Package): string[] {
  return readSharedStrings(
    pkg,
    pkg.relationships(pkg.workbookPart).find((r) => r.type === REL.sharedStrings)?.part,
  );
}
