// Decides, before anything is written, which sheet names and defined names a template gets in a
// workbook that already holds some. Pure, so both adapters take the same decisions.
import { absoluteRange, sheetRef } from "../core/a1";
import { isFormula, resolveSheetRefs, type SpecCell, type WorkbookSpec } from "../templates/spec";
import type { WrittenName } from "./port";

const MAX_SHEET_NAME = 31;

/** Excel refuses these in sheet names; a leading/trailing apostrophe is refused too. */
export function cleanSheetName(name: string): string {
  const s = name
    .replace(/[[\]:*?/\\]/g, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (s || "Sheet").slice(0, MAX_SHEET_NAME);
}

/** A sheet name not yet taken (Excel compares case-insensitively): "Budget", "Budget (2)", ... */
export function uniqueSheetName(preferred: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  const base = cleanSheetName(preferred);
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const tail = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - tail.length) + tail;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

export interface WritePlan {
  /** Sheet key -> real sheet name. */
  readonly sheetNames: ReadonlyMap<string, string>;
  readonly names: readonly WrittenName[];
}

/**
 * All names of one template get the same suffix ("" the first time, then "_2", "_3" ...), the
 * smallest that clashes with none of the workbook's names, so a second copy reads as a set.
 */
export function planWrite(
  spec: WorkbookSpec,
  existingSheets: readonly string[],
  existingNames: readonly string[],
): WritePlan {
  const taken = [...existingSheets];
  const sheetNames = new Map<string, string>();
  for (const s of spec.sheets) {
    const n = uniqueSheetName(s.name, taken);
    taken.push(n);
    sheetNames.set(s.key, n);
  }
  const lowerNames = new Set(existingNames.map((n) => n.toLowerCase()));
  let suffix = "";
  for (let k = 2; spec.names.some((n) => lowerNames.has((n.name + suffix).toLowerCase())); k++)
    suffix = `_${k}`;
  const names = spec.names.map((n): WrittenName => {
    const sheet = sheetNames.get(n.sheet);
    if (sheet === undefined) throw new Error(`Name ${n.name} refers to unknown sheet key ${n.sheet}`);
    return { base: n.name, name: n.name + suffix, sheet, refersTo: sheetRef(sheet, absoluteRange(n.ref)) };
  });
  return { sheetNames, names };
}

/** A spec cell as it is written: another sheet of the template by its real name (see sheetCell). */
export function resolveCell(c: SpecCell, plan: WritePlan): SpecCell {
  return isFormula(c) ? resolveSheetRefs(c, plan.sheetNames) : c;
}
