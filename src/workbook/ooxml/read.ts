// The sparse reader: a package's sheets as their present cells. Sheets and shared strings are streamed
// through the parser as they inflate, so memory holds the cells found, never the sheet's XML, a
// used range, or a dimension a file claims (a workbook holding A1 and XFD1048576 costs two cells).
import { tryParseCell } from "../../core/a1";
import { isoToSerial } from "../../core/dates";
import { shiftFormula } from "../../core/formula";
import type { CellValue, DefinedNameSnapshot, SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../port";
import { LIMITS, refuse } from "./limits";
import { Package, REL } from "./package";
import { readStyles, type StylesRead } from "./styles-read";
import { isMain, parseTree, partDecoder, xmlParser } from "./xml";

/** OOXML escapes characters XML cannot hold as _xHHHH_ (ST_Xstring); Excel writes CR as _x000D_. */
export function unescapeXstring(s: string): string {
  return s.includes("_x")
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

/** Feeds a part's bytes, decoded in its declared encoding, to an XML parser as they inflate. */
export function parseStreaming(
  pkg: Package,
  part: string,
  parser: { write(s: string): void; close(): void },
): void {
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array | undefined;
  const feed = (bytes: Uint8Array, last: boolean): void => {
    if (!decoder) {
      const head = pending ? concat(pending, bytes) : bytes;
      if (head.length < 200 && !last) {
        pending = head;
        return;
      }
      const d = partDecoder(head.subarray(0, 200), part);
      decoder = d.decoder;
      pending = undefined;
      parser.write(decoder.decode(head.subarray(d.bom), { stream: !last }));
      return;
    }
    parser.write(decoder.decode(bytes, { stream: !last }));
  };
  pkg.stream(part, (chunk) => feed(chunk, false));
  feed(new Uint8Array(0), true);
  parser.close();
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function readSharedStrings(pkg: Package, part: string | undefined): string[] {
  const out: string[] = [];
  if (!part || !pkg.has(part)) return out;
  let cur: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  parseStreaming(
    pkg,
    part,
    xmlParser(part, {
      open(t) {
        if (!isMain(t.uri)) return;
        if (t.local === "si") cur = [];
        else if (t.local === "rPh") phonetic++;
        else if (t.local === "t" && phonetic === 0) inT = true;
      },
      close(t) {
        if (!isMain(t.uri)) return;
        if (t.local === "si" && cur) {
          out.push(unescapeXstring(cur.join("")));
          cur = null;
        } else if (t.local === "rPh") phonetic--;
        else if (t.local === "t") inT = false;
      },
      text(s) {
        if (inT && cur) cur.push(s);
      },
    }),
  );
  return out;
}

export interface ReadContext {
  readonly strings: readonly string[];
  readonly styles: StylesRead;
  /** Cells read so far across the workbook, against LIMITS.maxCells. */
  cells: number;
}

export function readContext(pkg: Package): ReadContext {
  const rels = pkg.relationships(pkg.workbookPart);
  const sst = rels.find((r) => r.type === REL.sharedStrings)?.part;
  const stylesPart = rels.find((r) => r.type === REL.styles)?.part;
  const stylesText = stylesPart ? pkg.text(stylesPart, LIMITS.maxTreeBytes) : undefined;
  return {
    strings: readSharedStrings(pkg, sst),
    styles: readStyles(stylesText !== undefined ? parseTree(stylesText, stylesPart ?? "styles") : undefined),
    cells: 0,
  };
}

/** One sheet's present cells (sorted by row, then column; a repeated address keeps its last cell). */
export function readSheetCells(
  pkg: Package,
  part: string,
  ctx: ReadContext,
): { cells: SnapshotCell[]; merges: string[] } {
  // Cells in reading order; sorted and rid of repeated addresses at the end. (A Map keyed
  // row·16384+col costs three times as much: such keys leave V8's small-integer range.)
  const read: SnapshotCell[] = [];
  const merges: string[] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const orphans: { index: number; si: string; row: number; col: number }[] = [];
  let row = -1;
  let col = -1;
  // The cell being read.
  let c: {
    row: number;
    col: number;
    t: string;
    s: number;
    f?: string;
    ft?: string;
    si?: string;
    v?: string;
    is?: string;
  } | null = null;
  let into: "f" | "v" | "is" | null = null;
  let phonetic = 0;
  let buf = "";
  const finish = (): void => {
    if (!c) return;
    const cell = c;
    c = null;
    let formula = cell.f !== undefined && cell.f !== "" ? cell.f : undefined;
    if (cell.ft === "shared" && cell.si !== undefined) {
      if (formula !== undefined) masters.set(cell.si, { formula, row: cell.row, col: cell.col });
      else {
        const m = masters.get(cell.si);
        if (m) formula = shiftFormula(m.formula, cell.row - m.row, cell.col - m.col);
        // This cell is pushed below whatever it holds (a shared member never returns early).
        else orphans.push({ index: read.length, si: cell.si, row: cell.row, col: cell.col });
      }
    }
    const value = cellValue(cell.t, cell.v, cell.is, ctx.strings);
    if (value === null && formula === undefined && !(cell.ft === "shared" && cell.si !== undefined)) return;
    if (++ctx.cells > LIMITS.maxCells) throw refuse.tooManyCells();
    const look = ctx.styles.look(cell.s);
    read.push({
      row: cell.row,
      col: cell.col,
      value,
      ...(formula !== undefined ? { formula: "=" + formula } : {}),
      ...look,
    });
  };
  parseStreaming(
    pkg,
    part,
    xmlParser(part, {
      open(t) {
        if (!isMain(t.uri)) return;
        switch (t.local) {
          case "row": {
            const r = Number(t.attributes.r?.value);
            row = Number.isInteger(r) && r >= 1 && r <= 1048576 ? r - 1 : row + 1;
            col = -1;
            return;
          }
          case "c": {
            const ref = t.attributes.r?.value;
            const p = ref !== undefined ? tryParseCell(ref) : undefined;
            if (p) {
              row = p.row;
              col = p.col;
            } else col++;
            if (row < 0) row = 0;
            const s = Number(t.attributes.s?.value ?? 0);
            c = { row, col, t: t.attributes.t?.value ?? "n", s: Number.isInteger(s) ? s : 0 };
            return;
          }
          case "f":
            if (c) {
              into = "f";
              buf = "";
              c.ft = t.attributes.t?.value ?? "normal";
              const si = t.attributes.si?.value;
              if (si !== undefined) c.si = si;
            }
            return;
          case "v":
            if (c) {
              into = "v";
              buf = "";
            }
            return;
          case "is":
            if (c) {
              into = "is";
              buf = "";
            }
            return;
          case "rPh":
            phonetic++;
            return;
          case "mergeCell": {
            const ref = t.attributes.ref?.value;
            if (ref) merges.push(ref);
            return;
          }
        }
      },
      close(t) {
        if (!isMain(t.uri)) return;
        switch (t.local) {
          case "f":
            if (c && into === "f") c.f = buf;
            into = null;
            return;
          case "v":
            if (c && into === "v") c.v = buf;
            into = null;
            return;
          case "is":
            if (c && into === "is") c.is = unescapeXstring(buf);
            into = null;
            return;
          case "rPh":
            phonetic--;
            return;
          case "c":
            finish();
            return;
        }
      },
      text(s) {
        if (into !== null && phonetic === 0) buf += s;
      },
    }),
  );
  // Members of a shared group written before their master (rows out of order): resolve them now.
  for (const o of orphans) {
    const m = masters.get(o.si);
    const cell = read[o.index];
    if (!m || !cell) continue;
    read[o.index] = { ...cell, formula: "=" + shiftFormula(m.formula, o.row - m.row, o.col - m.col) };
  }
  // A stable sort keeps two cells of one address in reading order: the later one is kept.
  read.sort((a, b) => a.row - b.row || a.col - b.col);
  const cells: SnapshotCell[] = [];
  for (let i = 0; i < read.length; i++) {
    const x = read[i];
    const next = read[i + 1];
    if (next && next.row === x.row && next.col === x.col) continue;
    if (x.formula !== undefined || x.value !== null) cells.push(x);
  }
  return { cells, merges };
}

function cellValue(
  t: string,
  v: string | undefined,
  is: string | undefined,
  strings: readonly string[],
): CellValue {
  switch (t) {
    case "s": {
      const i = v === undefined ? NaN : Number(v);
      return Number.isInteger(i) && i >= 0 && i < strings.length ? strings[i] : null;
    }
    case "inlineStr":
      return is ?? (v !== undefined ? unescapeXstring(v) : null);
    case "str":
      return v !== undefined ? unescapeXstring(v) : null;
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return v === undefined ? null : { error: v.trim() };
    case "d": {
      if (v === undefined) return null;
      const day = /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0];
      if (!day) return v;
      const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(v);
      const frac = time ? (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400 : 0;
      return isoToSerial(day) + frac;
    }
    default: {
      if (v === undefined) return null;
      const n = Number(v);
      return v.trim() !== "" && Number.isFinite(n) ? n : v;
    }
  }
}

/** Reads every sheet of a package: its present cells, merges and visibility, and the defined names. */
export function readPackage(pkg: Package): WorkbookSnapshot {
  const ctx = readContext(pkg);
  const sheets: SheetSnapshot[] = pkg.sheets.map((s) => {
    const { cells, merges } = s.part ? readSheetCells(pkg, s.part, ctx) : { cells: [], merges: [] };
    return {
      name: s.name,
      cells,
      ...(merges.length ? { merges } : {}),
      ...(s.state !== "visible" ? { hidden: true } : {}),
    };
  });
  const names: DefinedNameSnapshot[] = pkg.names.map((n) => {
    const sheet = n.localSheetId !== undefined ? pkg.sheets[n.localSheetId]?.name : undefined;
    return { name: n.name, refersTo: n.text, ...(sheet !== undefined ? { sheet } : {}) };
  });
  return { sheets, names };
}

/** Bytes → snapshot, through every check of the package layer (throws OpenError). */
export function readWorkbookBytes(bytes: Uint8Array): WorkbookSnapshot {
  return readPackage(Package.open(bytes));
}
