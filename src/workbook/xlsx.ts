// The .xlsx adapter (exceljs): writes template specs into a workbook file and reads workbooks back
// as snapshots. Used by the browser preview, the command line, the scoring and the tests. Works in the
// browser and in Node: only buffers go in and out, never paths.
import { msToSerial } from "../core/dates";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseCell, parseRange } from "../core/a1";
import {
  isFormula,
  type SheetSpec,
  type SpecCell,
  type ValidationRule,
  type WorkbookSpec,
} from "../templates/spec";
import { flagLooks, looks } from "./looks";
import { planWrite } from "./plan";
import { decodeXml } from "./xml";
import type {
  CellValue,
  DefinedNameSnapshot,
  SheetSnapshot,
  SnapshotCell,
  WorkbookPort,
  WorkbookSnapshot,
  WriteResult,
} from "./port";

type Bytes = ArrayBuffer | Uint8Array;

function toArrayBuffer(data: Bytes): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy.buffer;
}

function cellsOf(range: string): { row: number; col: number }[] {
  const r = parseRange(range);
  const out: { row: number; col: number }[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) out.push({ row: r.row + i, col: r.col + j });
  return out;
}

function validationOf(rule: ValidationRule): Pick<ExcelJS.DataValidation, "type" | "operator" | "formulae"> {
  switch (rule.type) {
    case "decimal":
    case "whole":
      return rule.max === undefined
        ? { type: rule.type, operator: "greaterThanOrEqual", formulae: [rule.min] }
        : { type: rule.type, operator: "between", formulae: [rule.min, rule.max] };
    case "date":
      // Any real date: serial 1 is 1900-01-01.
      return { type: "date", operator: "greaterThanOrEqual", formulae: [1] };
    case "list":
      return { type: "list", formulae: [`"${rule.values.join(",")}"`] };
  }
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetSpec): string[] {
  const skipped: string[] = [];
  // Formats first: a text format ("@") must be in place before a label like "2026-01" lands in it, so
  // both adapters keep such labels as text.
  for (const f of sheet.formats)
    for (const c of cellsOf(f.range)) ws.getCell(c.row + 1, c.col + 1).numFmt = f.format;
  for (const b of sheet.blocks) {
    const p = parseCell(b.at);
    b.rows.forEach((row, i) =>
      row.forEach((v: SpecCell, j) => {
        const cell = ws.getCell(p.row + i + 1, p.col + j + 1);
        cell.value = isFormula(v) ? { formula: v.slice(1) } : v;
      }),
    );
  }
  for (const s of sheet.styles) {
    const look = looks[s.style];
    for (const c of cellsOf(s.range)) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.font = {
        ...(look.bold ? { bold: true } : {}),
        ...(look.italic ? { italic: true } : {}),
        ...(look.size ? { size: look.size } : {}),
        ...(look.fontColor ? { color: { argb: "FF" + look.fontColor } } : {}),
      };
      if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + look.fill } };
      if (look.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    }
  }
  for (const v of sheet.validations) {
    for (const c of cellsOf(v.range)) {
      ws.getCell(c.row + 1, c.col + 1).dataValidation = {
        ...validationOf(v.rule),
        allowBlank: true,
        showErrorMessage: true,
        error: v.error,
        ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
      };
    }
  }
  for (const w of sheet.columnWidths) ws.getColumn(w.col + 1).width = w.width;
  for (const m of sheet.merges) ws.mergeCells(m);
  if (sheet.freeze) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  for (const [i, cf] of (sheet.conditionalFormats ?? []).entries()) {
    const look = flagLooks[cf.look];
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "cellIs",
          operator: cf.operator,
          formulae: [cf.formula],
          priority: i + 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF" + look.fill } },
            font: { color: { argb: "FF" + look.fontColor } },
          },
        },
      ],
    });
  }
  for (const chart of (sheet.charts ?? []).slice(0, 1)) {
    // exceljs cannot write charts; the chart is drawn only when the template is created in Excel
    // through the add-in. Say so where the chart would be.
    const c = parseCell(chart.from);
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = chart.title;
    cell.font = { italic: true, color: { argb: "FF" + (looks.note.fontColor ?? "7F7F7F") } };
    skipped.push("chart");
  }
  return skipped;
}

function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return msToSerial(v.getTime());
  if ("error" in v) return { error: String(v.error) };
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const r: unknown = (v as { result?: unknown }).result;
    if (r === undefined || r === null) return null;
    if (typeof r === "object" && r !== null && "error" in r)
      return { error: String((r as { error: unknown }).error) };
    return plainValue(r as ExcelJS.CellValue);
  }
  if ("text" in v) return typeof v.text === "string" ? v.text : plainValue(v.text);
  return null;
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: SnapshotCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // exceljs reads every cell of a merged area as the master's value; Excel holds it once.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = plainValue(cell.value);
      const formula =
        cell.type === ExcelJS.ValueType.Formula && cell.formula ? "=" + cell.formula : undefined;
      if (value === null && formula === undefined) return;
      // The number format, so values can be shown as the cell shows them (evidence in the pane).
      const format =
        typeof cell.numFmt === "string" && !/^(general)?$/i.test(cell.numFmt) ? cell.numFmt : undefined;
      cells.push({
        row: r - 1,
        col: c - 1,
        value,
        ...(formula !== undefined ? { formula } : {}),
        ...(format !== undefined ? { format } : {}),
      });
    }),
  );
  return { name: ws.name, cells };
}

/**
 * Defined names straight from xl/workbook.xml: exceljs keeps only names that point at plain ranges and
 * drops their scope, while plans mailed around may hold sheet-scoped names or formulas.
 */
async function readDefinedNames(data: Bytes): Promise<DefinedNameSnapshot[]> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file("xl/workbook.xml")?.async("string");
  if (!xml) return [];
  const sheetNames = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXml(m[1]));
  const out: DefinedNameSnapshot[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]);
    if (!name) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(m[1]);
    const sheet = local ? sheetNames[Number(local[1])] : undefined;
    out.push({
      name: decodeXml(name[1]),
      refersTo: decodeXml(m[2]),
      ...(sheet !== undefined ? { sheet } : {}),
    });
  }
  return out;
}

/** An .xlsx workbook held in memory, behind the same port as Excel. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(private readonly wb: ExcelJS.Workbook) {}

  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "Dealer Marketing Power";
    // exceljs writes formulas without cached results; ask the opening application to compute them.
    wb.calcProperties.fullCalcOnLoad = true;
    return new XlsxWorkbook(wb);
  }

  static async load(data: Bytes): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(data));
    wb.calcProperties.fullCalcOnLoad = true;
    return new XlsxWorkbook(wb);
  }

  async listSheetNames(): Promise<string[]> {
    return this.wb.worksheets.map((w) => w.name);
  }

  async writeTemplate(spec: WorkbookSpec): Promise<WriteResult> {
    const existingNames = this.wb.definedNames.model.map((n) => n.name);
    const plan = planWrite(spec, await this.listSheetNames(), existingNames);
    const skipped = new Set<string>();
    for (const s of spec.sheets) {
      const name = plan.sheetNames.get(s.key) as string;
      const ws = this.wb.addWorksheet(name);
      for (const k of writeSheet(ws, s)) skipped.add(k);
    }
    for (const n of plan.names) this.wb.definedNames.add(n.refersTo, n.name);
    return {
      sheetNames: spec.sheets.map((s) => plan.sheetNames.get(s.key) as string),
      names: plan.names,
      skipped: [...skipped],
    };
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    return readXlsx(await this.toBuffer());
  }

  async toBuffer(): Promise<Uint8Array> {
    const buf = await this.wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }
}

/** Writes one template to a fresh .xlsx file's bytes. */
export async function templateToXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.writeTemplate(spec);
  return wb.toBuffer();
}

/**
 * Reads an .xlsx file (bytes) into a snapshot: every sheet's values (cached results for formula
 * cells, Excel serial numbers for dates) and formulas, and the workbook's defined names.
 */
export async function readXlsx(data: Bytes): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(toArrayBuffer(data));
  const sheets = wb.worksheets.map(readSheet);
  const names = await readDefinedNames(data);
  return { sheets, names };
}
