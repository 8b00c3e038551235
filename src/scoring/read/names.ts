// The plan template's cells by their defined names (src/templates/plan.ts owns the names): the single
// targets, the budget, the dealer, the strategy outline. Tables of the template are read as tables.
import { colIndex } from "../../core/a1";
import { hasContent, type CellLook, type PlanTarget } from "../../core/rubric";
import { PLAN_NAMES, PLAN_PLACEHOLDERS } from "../../templates/plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../../workbook/port";
import type { Collect } from "./collect";
import { Grid, refOf } from "./grid";
import { cellNumber, cellText, lookOf } from "./values";

interface NameRange {
  sheet: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function parseRefersTo(refersTo: string): NameRange | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/u.exec(
    refersTo.trim(),
  );
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const r0 = Number(m[4]) - 1;
  const c0 = colIndex(m[3]);
  return { sheet, r0, c0, r1: m[6] ? Number(m[6]) - 1 : r0, c1: m[5] ? colIndex(m[5]) : c0 };
}

type Lookup = (name: string) => { p: NameRange; g: Grid } | null;

export function nameLookup(wb: WorkbookSnapshot): Lookup {
  // A template written twice into one workbook gets suffixed names (Plan_Budget_2); the first copy wins.
  const byName = new Map<string, NameRange>();
  for (const n of wb.names) {
    const key = n.name.toLowerCase().replace(/_\d+$/, "");
    const p = parseRefersTo(n.refersTo);
    if (p && !byName.has(key)) byName.set(key, p);
  }
  const grids = new Map<string, Grid>();
  return (name) => {
    const p = byName.get(name.toLowerCase());
    const sh: SheetSnapshot | undefined = p ? wb.sheets.find((x) => x.name === p.sheet) : undefined;
    if (!p || !sh) return null;
    let g = grids.get(sh.name);
    if (!g) grids.set(sh.name, (g = new Grid(sh, () => false)));
    return { p, g };
  };
}

function labelLeft(g: Grid, row: number, col: number): string {
  for (let c = col - 1; c >= 0; c--) {
    const t = cellText(g.value(row, c));
    if (t !== "") return t;
  }
  return "";
}

function look(g: Grid, row: number, col: number): CellLook | undefined {
  return lookOf(g.value(row, col), g.format(row, col));
}

export function readNames(wb: WorkbookSnapshot, out: Collect): void {
  const get = nameLookup(wb);
  const single = (name: string, fallback: string, measure: string, kind: PlanTarget["kind"]) => {
    const n = get(name);
    if (!n) return;
    const v = cellNumber(n.g.value(n.p.r0, n.p.c0));
    const ref = refOf(n.g.sheet.name, n.p.r0, n.p.c0);
    if (v === null || out.targets.some((t) => t.ref === ref)) return;
    const valueLook = look(n.g, n.p.r0, n.p.c0);
    out.targets.push({
      label: labelLeft(n.g, n.p.r0, n.p.c0) || fallback,
      value: v,
      measure,
      kind,
      ref,
      ...(valueLook ? { valueLook } : {}),
    });
  };
  single(PLAN_NAMES.salesTarget, "销售目标 Sales target", "台", "sales");
  single(PLAN_NAMES.revenueTarget, "销售收入目标 Revenue target", "元", "financial");
  const dealer = get(PLAN_NAMES.dealer);
  if (dealer && out.dealer === undefined) {
    const t = cellText(dealer.g.value(dealer.p.r0, dealer.p.c0));
    if (hasContent(t) && !PLAN_PLACEHOLDERS.dealer.includes(t)) out.dealer = t;
  }
  const budget = get(PLAN_NAMES.budget);
  if (budget) {
    const { p, g } = budget;
    for (let r = p.r0; r <= p.r1; r++) {
      const amount = cellNumber(g.value(r, p.c0));
      const ref = refOf(g.sheet.name, r, p.c0);
      if (amount === null || out.budget.some((b) => b.ref === ref)) continue;
      const amountLook = look(g, r, p.c0);
      out.budget.push({
        label: labelLeft(g, r, p.c0) || "预算 Budget",
        amount,
        ref,
        ...(amountLook ? { amountLook } : {}),
      });
    }
  }
  const strategy = get(PLAN_NAMES.strategy);
  if (strategy) {
    const { p, g } = strategy;
    const lines: string[] = [];
    for (let r = p.r0; r <= p.r1; r++) {
      const t = cellText(g.value(r, p.c0));
      if (hasContent(t)) lines.push(t);
    }
    if (lines.length > 0)
      out.elements.push({
        id: "strategy",
        text: lines.join("\n"),
        ref: refOf(g.sheet.name, p.r0, p.c0),
      });
  }
}

/** Sheets laid out by the plan template: read by their tables and names, never by headings in notes. */
export function templateSheets(wb: WorkbookSnapshot): Set<string> {
  const get = nameLookup(wb);
  const out = new Set<string>();
  for (const n of [PLAN_NAMES.elements, PLAN_NAMES.strategy]) {
    const x = get(n);
    if (x) out.add(x.p.sheet);
  }
  return out;
}
