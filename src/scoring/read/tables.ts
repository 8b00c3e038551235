// Tables: a header row whose cells name column roles, and the rows below it up to a blank row, a
// heading or the next header. Each row gives what its columns allow: an element (项目/内容 tables
// whose labels name elements), a target, an actual beside its target, a budget line, a dated item, a
// KPI with its standard, lines and corrective action, an owner. Rows are also text of the section the
// table stands in, so a section whose content is a table is not empty.
import { hasContent, type CellLook, type ElementId } from "../../core/rubric";
import type { Collect } from "./collect";
import { MILESTONE_LABEL, targetKind } from "./collect";
import type { Grid, GridCell, Line } from "./grid";
import { cellDate, cellNumber, readAmount } from "./values";
import { bracketUnit, elementOfLabel, roleOf, TOTAL_WORDS, type Role } from "./vocabulary";

const DATED_ELEMENTS: ReadonlySet<ElementId> = new Set(["mix", "schedule", "control", "review"]);

export interface Table {
  readonly cols: Partial<Record<Role, number>>;
  /** Month or quarter columns, left to right. */
  readonly periods: readonly number[];
  /** Units named in the header's brackets, by column ("预算(元)" → 元). */
  readonly units: ReadonlyMap<number, string>;
  readonly milestoneLabels: boolean;
}

export function headerAt(line: Line): Table | null {
  const cols: Partial<Record<Role, number>> = {};
  const periods: number[] = [];
  const units = new Map<number, string>();
  let found = 0;
  const ambiguous: number[] = [];
  for (const c of line.cells) {
    if (typeof c.value !== "string") continue;
    const role = roleOf(c.text);
    if (role === null) continue;
    found++;
    const u = bracketUnit(c.text);
    if (u) units.set(c.col, u);
    if (role === "period") periods.push(c.col);
    else if (role === "labelOrValue") ambiguous.push(c.col);
    else if (cols[role] === undefined) cols[role] = c.col;
  }
  if (found < 2 || found * 2 < line.cells.length) return null;
  // "目标 / Target" is the label in "目标 | 数值 | 单位" but the value in "指标 | 目标 | 实际".
  for (const c of ambiguous) {
    if (cols.label === undefined && cols.element === undefined && c === line.cells[0].col) cols.label = c;
    else if (cols.value === undefined) cols.value = c;
  }
  const milestoneLabels = cols.label === undefined && cols.milestone !== undefined;
  if (milestoneLabels) cols.label = cols.milestone;
  if (cols.label === undefined && cols.element === undefined && cols.department === undefined) {
    // "Item | Content | Owner | Timing" has its label in the first column whatever it is called.
    const firstCol = line.cells[0].col;
    if (!Object.values(cols).includes(firstCol)) cols.label = firstCol;
    else if (cols.content === firstCol) return null;
  }
  return { cols, periods, units, milestoneLabels };
}

export interface RowContext {
  /** The element of the section the table stands in. */
  readonly section: ElementId | null;
  /** The plan template's sheet: its indicators are this plan's even when actuals are filled in. */
  readonly template: boolean;
}

/** Reads one table row; returns the element its label names, when the table is an element table. */
export function readRow(g: Grid, t: Table, line: Line, ctx: RowContext, out: Collect): ElementId | null {
  const cell = (role: Role): GridCell | undefined => g.at(line, t.cols[role]);
  const txt = (role: Role): string => cell(role)?.text ?? "";
  const labelCell = cell("label") ?? cell("element") ?? cell("department");
  const label = labelCell?.text ?? "";
  if (!hasContent(label) || typeof labelCell?.value !== "string") return null;
  const ref = g.ref(line, labelCell.col);
  const owner = hasContent(txt("owner")) ? txt("owner") : undefined;
  if (t.cols.content !== undefined) {
    const id = elementOfLabel(label, false) ?? (t.cols.element !== undefined ? elementOfLabel(label) : null);
    if (id !== null) {
      const content = cell("content");
      const due = cellDate(cell("due")?.value);
      // The timing column of an activity or control row is part of what it says ("4/25; 5/16",
      // "weekly"); the date a summary was written is not a dated activity.
      const when = DATED_ELEMENTS.has(id) && hasContent(txt("due")) ? ` (${txt("due")})` : "";
      out.elements.push({
        id,
        text: `${content?.text ?? ""}${hasContent(content?.text) ? when : ""}`,
        ref: g.ref(line, content?.col ?? t.cols.content),
        ...(owner ? { owner } : {}),
        ...(due ? { due } : {}),
        ...(hasContent(txt("status")) ? { status: txt("status") } : {}),
      });
      return id;
    }
  }
  if (TOTAL_WORDS.test(label.replace(/\s/g, ""))) return null;
  const unit = bracketUnit(label);
  const targetCell = cell("value") ?? cell("standard") ?? lastPeriod(g, t, line);
  const target = readAmount(targetCell?.value);
  const actual = cellNumber(cell("actual")?.value);
  let used = false;
  if (actual !== null && target !== null) {
    out.actuals.push({
      label,
      target: target.value,
      actual,
      ref,
      ...lookKey("targetLook", g, targetCell),
      ...lookKey("actualLook", g, cell("actual")),
    });
  }
  // A review table's targets are last period's, judged by criterion 8, not new objectives.
  const past = actual !== null && !ctx.template;
  if (target !== null && !past && t.cols.standard === undefined && t.cols.controlLine === undefined) {
    const measure = txt("measure") || unit || target.unit || (t.units.get(targetCell?.col ?? -1) ?? "");
    out.targets.push({
      label,
      value: target.value,
      measure,
      kind: ctx.section === "financialObjectives" ? "financial" : targetKind(label, measure),
      ref,
      ...lookKey("valueLook", g, targetCell),
    });
    used = true;
  }
  const controlled = ["standard", "warning", "controlLine", "corrective"].some(
    (r) => t.cols[r as Role] !== undefined,
  );
  if (controlled) {
    const std = readAmount(cell("standard")?.value) ?? (t.cols.actual !== undefined ? target : null);
    const lineCell = cell("controlLine") ?? cell("warning");
    const lineNum = cellNumber(lineCell?.value);
    out.controls.push({
      kpi: label,
      standard: std?.value ?? null,
      controlLine: lineNum ?? (hasContent(lineCell?.text) ? (lineCell?.text ?? null) : null),
      reviewCycle: hasContent(txt("cycle")) ? txt("cycle") : "",
      correctiveAction: hasContent(txt("corrective")) ? txt("corrective") : "",
      ref,
      ...lookKey("standardLook", g, cell("standard") ?? targetCell),
      ...(lineNum !== null ? lookKey("controlLineLook", g, lineCell) : {}),
    });
    used = true;
  }
  const amountCell = cell("amount");
  const amount = cellNumber(amountCell?.value);
  if (amount !== null && amount > 0) {
    const per = t.units.get(amountCell?.col ?? -1) ?? "";
    out.budget.push({
      label,
      amount: /万/.test(per) && amount < 10000 ? amount * 10000 : amount,
      ref,
      ...lookKey("amountLook", g, amountCell),
    });
  }
  const start = cellDate(cell("start")?.value);
  const end = cellDate(cell("end")?.value) || cellDate(cell("due")?.value);
  if (start || end) {
    const m = txt("milestone").toLowerCase();
    out.schedule.push({
      label,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(owner ? { owner } : {}),
      milestone:
        t.milestoneLabels ||
        (t.cols.milestone !== undefined && hasContent(m) && !/^(否|no|n|false|0)$/.test(m)) ||
        (ctx.section === "schedule" && MILESTONE_LABEL.test(`${label} ${txt("content")}`)),
      ref,
    });
  }
  // An owner on a dated row is the activity's owner (counted with the schedule), else an assignment.
  if (owner && (!(start || end) || used))
    out.owners.push({ role: label, name: owner, ref: g.ref(line, t.cols.owner ?? 0) });
  return null;
}

function lastPeriod(g: Grid, t: Table, line: Line): GridCell | undefined {
  for (let i = t.periods.length - 1; i >= 0; i--) {
    const c = g.at(line, t.periods[i]);
    if (c && cellNumber(c.value) !== null) return c;
  }
  return undefined;
}

function lookKey<K extends string>(key: K, g: Grid, c: GridCell | undefined): Partial<Record<K, CellLook>> {
  const look = g.look(c);
  return look ? ({ [key]: look } as Partial<Record<K, CellLook>>) : {};
}
