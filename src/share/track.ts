/**
 * Following a recipient's edits between preparing and restoring. Preparing adds hidden defined names
 * over the whole rows and columns that matter (each DEALER cell's and each reference's corners);
 * Excel and LibreOffice adjust a name when rows or columns are inserted or deleted, or a sheet is
 * renamed, and write #REF! when its row or column is deleted. At restore the names say where each of
 * those rows and columns is now, so a cell is restored where it went, with its references moved as
 * Excel moved the recipient's formulas, and a cell whose surroundings cannot be followed is skipped
 * and reported, never overwritten. Pure: both the .xlsx and the Office.js paths use it.
 */
import { colName, MAX_COLS, MAX_ROWS, quoteSheet } from "../core/a1";
import { mapFormulaRefs, parseRef, tokenize, type RefMapper } from "../core/formula";
import type { RecordCell, TrackName } from "./record";

/** Above this many names, only the DEALER cells' own rows and columns are tracked. */
export const MAX_TRACK_NAMES = 4000;

export const TRACK_PREFIX = "_dmk_";

interface Line {
  readonly sheet: string;
  readonly kind: "row" | "col";
  readonly index: number;
}

function linesOfFormula(formula: string, home: string, add: (l: Line) => void): void {
  for (const t of tokenize(formula)) {
    if (t.type !== "ref") continue;
    const prefix = t.sheet ?? "";
    if (/^'?\[/.test(prefix)) continue;
    const r = parseRef(t.text, prefix);
    if (!r) continue;
    const sheet = prefix ? r.sheet : home;
    if (r.kind !== "cols") {
      add({ sheet, kind: "row", index: r.top });
      add({ sheet, kind: "row", index: r.bottom });
    }
    if (r.kind !== "rows") {
      add({ sheet, kind: "col", index: r.left });
      add({ sheet, kind: "col", index: r.right });
    }
  }
}

/** The tracking names for a prepared workbook's record cells, with names no workbook name takes. */
export function trackNamesFor(cells: readonly RecordCell[], takenNames: Iterable<string>): TrackName[] {
  const lines = new Map<string, Line>();
  const add = (l: Line): void => {
    if (l.index < 1 || l.index > (l.kind === "row" ? MAX_ROWS : MAX_COLS)) return;
    lines.set(`${l.sheet}\u0000${l.kind}\u0000${l.index}`, l);
  };
  for (const c of cells) {
    const a = parseRef(c.address);
    if (!a) continue;
    add({ sheet: c.sheet, kind: "row", index: a.top });
    add({ sheet: c.sheet, kind: "col", index: a.left });
  }
  const own = lines.size;
  for (const c of cells) {
    if (c.range) linesOfFormula(c.range, c.sheet, add);
    if (c.formula) linesOfFormula(c.formula, c.sheet, add);
    if (c.written) linesOfFormula(c.written, c.sheet, add);
  }
  let chosen = [...lines.values()];
  if (chosen.length > MAX_TRACK_NAMES) chosen = chosen.slice(0, Math.min(own, MAX_TRACK_NAMES));
  const taken = new Set([...takenNames].map((n) => n.toLowerCase()));
  const out: TrackName[] = [];
  let n = 1;
  for (const l of chosen) {
    while (taken.has(`${TRACK_PREFIX}${n}`)) n++;
    out.push({ name: `${TRACK_PREFIX}${n}`, sheet: l.sheet, kind: l.kind, index: l.index });
    n++;
  }
  return out;
}

/** What a tracking name refers to: 'Sheet'!$10:$10 or Sheet!$C:$C. */
export function trackRefersTo(t: TrackName): string {
  const ref =
    t.kind === "row" ? `$${t.index}:$${t.index}` : `$${colName(t.index - 1)}:$${colName(t.index - 1)}`;
  return `${quoteSheet(t.sheet)}!${ref}`;
}

type Where = { readonly sheet: string; readonly index: number } | "deleted";

function readRefersTo(text: string, kind: "row" | "col"): Where {
  const body = text.replace(/^=/, "").trim();
  if (body.includes("#REF!")) return "deleted";
  const toks = tokenize(body).filter((t) => t.type !== "eof");
  if (toks.length !== 1 || toks[0].type !== "ref") return "deleted";
  const r = parseRef(toks[0].text, toks[0].sheet ?? "");
  if (!r || !toks[0].sheet) return "deleted";
  if (kind === "row" && (r.kind === "rows" || r.kind === "area" || r.kind === "cell") && r.top === r.bottom)
    return { sheet: r.sheet, index: r.top };
  if (kind === "col" && (r.kind === "cols" || r.kind === "area" || r.kind === "cell") && r.left === r.right)
    return { sheet: r.sheet, index: r.left };
  return "deleted";
}

/** Where the tracked rows, columns and sheets are now, from the workbook's current names. */
export class Tracker implements RefMapper {
  private readonly rows = new Map<string, Map<number, Where>>();
  private readonly cols = new Map<string, Map<number, Where>>();
  private readonly sheetNow = new Map<string, string | "deleted">();
  private readonly movedSheets = new Set<string>();

  /**
   * @param track the record's tracking names
   * @param current a name's refers-to text now (undefined when the workbook no longer has it)
   * @param sheetExists whether a sheet of that name exists now
   */
  constructor(
    track: readonly TrackName[],
    current: (name: string) => string | undefined,
    private readonly sheetExists: (sheet: string) => boolean,
  ) {
    for (const t of track) {
      const text = current(t.name);
      const where: Where = text === undefined ? "deleted" : readRefersTo(text, t.kind);
      const table = t.kind === "row" ? this.rows : this.cols;
      const m = table.get(t.sheet) ?? new Map<number, Where>();
      m.set(t.index, where);
      table.set(t.sheet, m);
      if (where === "deleted" || where.index !== t.index || where.sheet !== t.sheet)
        this.movedSheets.add(t.sheet);
      if (where !== "deleted") this.sheetNow.set(t.sheet, where.sheet);
    }
    for (const t of track) if (!this.sheetNow.has(t.sheet)) this.sheetNow.set(t.sheet, "deleted");
  }

  /** The sheet's name now; undefined when it is gone. */
  sheet(recorded: string): string | undefined {
    const now = this.sheetNow.get(recorded);
    // Every tracked row and column of the sheet is gone: so is the sheet (or all it held).
    if (now === "deleted") return undefined;
    if (now !== undefined) return this.sheetExists(now) ? now : undefined;
    // Not tracked (a record from an earlier release): the sheet by its name.
    return this.sheetExists(recorded) ? recorded : undefined;
  }

  /** Whether any row, column or the name of the sheet changed since preparing. */
  moved(recorded: string): boolean {
    return this.movedSheets.has(recorded);
  }

  private map(table: Map<string, Map<number, Where>>, sheet: string, index: number): number | undefined {
    const w = table.get(sheet)?.get(index);
    if (w === undefined) return this.moved(sheet) ? undefined : index; // untracked: only if nothing moved
    return w === "deleted" ? undefined : w.index;
  }

  row(sheet: string, row: number): number | undefined {
    return this.map(this.rows, sheet, row);
  }

  col(sheet: string, col: number): number | undefined {
    return this.map(this.cols, sheet, col);
  }

  /** A formula of a cell of `home`, its references moved to where they are now. */
  formula(formula: string, home: string): string | undefined {
    return mapFormulaRefs(formula, home, this, (s) => this.sheet(s));
  }
}
