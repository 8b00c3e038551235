// Reads a marketing plan out of a workbook snapshot, whoever made it: the add-in's plan template
// (recognised by its defined names and its table headers) or a plan somebody laid out themselves
// (element headings in Chinese or English, on any sheet, with the text beside or below them).
// Works on the port's snapshot only, so it is the same in Excel, in the browser and on the CLI.
import {
  dateMentions,
  hasContent,
  type CellLook,
  matchElementHeading,
  type ActualItem,
  type BudgetLine,
  type ControlItem,
  type ElementId,
  type OwnerEntry,
  type PlanDocument,
  type PlanElement,
  type PlanTarget,
  type ScheduleItem,
} from "../core/rubric";
import { cellAddress, colIndex, sheetRef, splitSheetRef } from "../core/a1";
import { serialToIso } from "../core/dates";
import { CellIndex, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../workbook/port";
import { SCORECARD_TITLES } from "./scorecard-titles";

// ---- cells --------------------------------------------------------------------------------------

export function refOf(sheet: string, row: number, col: number): string {
  return sheetRef(sheet, cellAddress(row, col));
}

/** The sheet and A1 address of an evidence reference ("'营销计划'!D7"), e.g. for the pane to select it. */
export const splitRef = splitSheetRef;

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return "";
}

function cellNumber(v: CellValue | undefined): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") {
    const t = v.normalize("NFKC").replace(/[,¥$\s]/g, "");
    const m = /^(-?\d+(?:\.\d+)?)(%|万元|万|元)?$/.exec(t);
    if (!m) return null;
    const n = Number(m[1]);
    if (m[2] === "%") return n / 100;
    if (m[2] === "万元" || m[2] === "万") return n * 10000;
    return n;
  }
  return null;
}

/** Serial numbers between 1954 and 2119 are taken for dates in date columns. */
function serialDate(n: number): string | null {
  if (n < 20000 || n > 80000) return null;
  return serialToIso(Math.round(n));
}

function cellDate(v: CellValue | undefined): string {
  if (typeof v === "number") return serialDate(v) ?? "";
  const t = cellText(v);
  return hasContent(t) ? t : "";
}

function isDateLike(v: CellValue | undefined): boolean {
  if (typeof v === "number") return serialDate(v) !== null;
  const t = cellText(v);
  return t !== "" && dateMentions(t).length > 0;
}

function isHeadingLine(line: string): boolean {
  const t = line.trim();
  if (t === "" || t.length > 40) return false;
  const head = /^([^:：(（]{1,30})[:：]/u.exec(t)?.[1] ?? t;
  return matchElementHeading(head, { loose: true }) !== null;
}

/**
 * The sheet's values as rows, each as long as its own last present cell: a sheet holding only A1 and
 * XFD1048576 is one long row and a million empty ones, not a million rows of 16,384 cells.
 */
function denseRows(sheet: SheetSnapshot): CellValue[][] {
  const idx = new CellIndex(sheet.cells);
  const width = new Map<number, number>();
  for (const c of sheet.cells) width.set(c.row, Math.max(width.get(c.row) ?? 0, c.col + 1));
  const rows: CellValue[][] = [];
  for (let r = 0; r <= idx.lastRow; r++) rows.push(new Array<CellValue>(width.get(r) ?? 0).fill(null));
  for (const c of sheet.cells) rows[c.row][c.col] = c.value;
  return rows;
}

/**
 * A sheet's cells, with one convenience: a cell holding a whole plan pasted as text (headings on their
 * own lines) is spread over virtual rows, one line each, so the section reader sees the headings.
 * References still name the real cell.
 */
class Grid {
  private readonly rowsData: { readonly orig: number; readonly cells: readonly CellValue[] }[] = [];
  private readonly index: CellIndex;

  constructor(readonly sheet: SheetSnapshot) {
    this.index = new CellIndex(sheet.cells);
    denseRows(sheet).forEach((cells, r) => {
      const c = cells.findIndex(
        (v) => typeof v === "string" && v.includes("\n") && v.split(/\r?\n/).some((l) => isHeadingLine(l)),
      );
      if (c < 0) {
        this.rowsData.push({ orig: r, cells });
        return;
      }
      const lines = String(cells[c])
        .split(/\r?\n/)
        .filter((l) => l.trim() !== "");
      lines.forEach((line, k) => {
        const row: CellValue[] = k === 0 ? [...cells] : cells.map(() => null);
        row[c] = line.trim();
        this.rowsData.push({ orig: r, cells: row });
      });
    });
  }
  get rows(): number {
    return this.rowsData.length;
  }
  cols(r: number): number {
    return this.rowsData[r]?.cells.length ?? 0;
  }
  v(r: number, c: number): CellValue | undefined {
    return this.rowsData[r]?.cells[c];
  }
  t(r: number, c: number): string {
    return cellText(this.v(r, c));
  }
  ref(r: number, c: number): string {
    return refOf(this.sheet.name, this.rowsData[r]?.orig ?? r, c);
  }
  /** How a number read from this cell looked: its number format, or the text it was read from. */
  look(r: number, c: number): CellLook | undefined {
    const v = this.v(r, c);
    if (typeof v === "string") return v.trim() === "" ? undefined : { text: v.trim() };
    const format = typeof v === "number" ? this.index.get(this.rowsData[r]?.orig ?? r, c)?.format : undefined;
    return format ? { format } : undefined;
  }
  rowEmpty(r: number): boolean {
    for (let c = 0; c < this.cols(r); c++) if (this.t(r, c) !== "") return false;
    return true;
  }
  firstCol(r: number): number {
    for (let c = 0; c < this.cols(r); c++) if (this.t(r, c) !== "") return c;
    return 0;
  }
}

// ---- table headers ------------------------------------------------------------------------------

type Role =
  | "element"
  | "content"
  | "guidance"
  | "owner"
  | "due"
  | "status"
  | "label"
  | "labelOrValue"
  | "value"
  | "measure"
  | "amount"
  | "start"
  | "end"
  | "milestone"
  | "standard"
  | "controlLine"
  | "cycle"
  | "corrective"
  | "actual"
  | "department";

const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  element: ["要素", "计划要素", "章节", "element", "planelement", "section"],
  content: ["内容", "计划内容", "具体内容", "描述", "content", "description", "details", "plan"],
  guidance: [
    "指引",
    "填写指引",
    "填写说明",
    "说明",
    "提示",
    "要求",
    "应包含的内容",
    "guidance",
    "guide",
    "hint",
    "whatitmusthold",
  ],
  owner: [
    "负责人",
    "责任人",
    "负责部门",
    "负责部门/人",
    "owner",
    "owner (department / person)",
    "responsible",
    "personincharge",
    "lead",
  ],
  due: ["截止日期", "完成日期", "完成时间", "截止时间", "日期", "时间", "due", "duedate", "deadline", "date"],
  status: ["状态", "进展", "status", "progress"],
  label: [
    "项目",
    "费用项目",
    "投放项目",
    "预算项目",
    "活动",
    "活动名称",
    "任务",
    "工作",
    "指标",
    "kpi",
    "指标名称",
    "关键指标",
    "item",
    "line",
    "lineitem",
    "activity",
    "task",
    "indicator",
    "metric",
    "name",
  ],
  labelOrValue: ["目标", "target", "objective", "goal"],
  value: ["目标值", "计划值", "数值", "目标数", "value", "targetvalue", "planned", "planvalue"],
  measure: [
    "单位",
    "衡量指标",
    "测量指标",
    "测量方法",
    "衡量标准",
    "unit",
    "measure",
    "measurement",
    "units",
    "howitismeasured",
  ],
  amount: [
    "金额",
    "预算",
    "预算金额",
    "费用",
    "金额元",
    "计划合计",
    "amount",
    "budget",
    "cost",
    "amountcny",
    "amountrmb",
    "plannedtotal",
  ],
  start: ["开始", "开始日期", "开始时间", "start", "startdate", "from", "begin"],
  end: ["结束", "结束日期", "结束时间", "end", "enddate", "finish", "to"],
  milestone: ["里程碑", "关键节点", "节点", "milestone", "ismilestone"],
  standard: ["标准值", "standard", "standardvalue"],
  controlLine: ["控制线", "预警线", "警戒线", "controlline", "warningline", "controllimit", "threshold"],
  cycle: ["检查周期", "复盘周期", "周期", "频率", "reviewcycle", "cycle", "frequency"],
  corrective: ["纠偏措施", "校正措施", "纠偏", "应对措施", "correctiveaction", "correction", "action"],
  actual: [
    "实际",
    "实际值",
    "实际完成",
    "完成值",
    "实际合计",
    "actual",
    "actualresult",
    "actuals",
    "result",
    "actualtotal",
  ],
  department: ["部门", "职责", "角色", "分工", "department", "role", "team"],
};

function normHeader(t: string): string {
  return t
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-–—&/·:：.,，。、()（）¥$]+/gu, "");
}

const WORD_ROLE: ReadonlyMap<string, Role> = new Map(
  (Object.entries(ROLE_WORDS) as [Role, readonly string[]][]).flatMap(([role, words]) =>
    words.map((w) => [normHeader(w), role] as const),
  ),
);

function roleOf(text: string): Role | null {
  if (text === "" || text.length > 40) return null;
  const n = normHeader(text);
  return WORD_ROLE.get(n) ?? null;
}

type TableKind = "elements" | "controls" | "actuals" | "budget" | "schedule" | "targets" | "owners";

interface Table {
  readonly kind: TableKind;
  readonly header: number;
  readonly cols: Partial<Record<Role, number>>;
  /** The label column is a milestone column: every row is a milestone. */
  readonly milestoneLabels: boolean;
}

function headerAt(g: Grid, r: number): Table | null {
  const cols: Partial<Record<Role, number>> = {};
  let found = 0;
  const ambiguous: number[] = [];
  for (let c = 0; c < g.cols(r); c++) {
    const role = roleOf(g.t(r, c));
    if (role === null) continue;
    found++;
    if (role === "labelOrValue") ambiguous.push(c);
    else if (cols[role] === undefined) cols[role] = c;
  }
  if (found < 2) return null;
  // "目标 / Target" is the label in "目标 | 数值 | 单位" but the value in "指标 | 目标 | 实际".
  for (const c of ambiguous) {
    if (cols.label === undefined && cols.element === undefined) cols.label = c;
    else if (cols.value === undefined) cols.value = c;
  }
  // The plan template's schedule is a list of milestones: "关键节点 | 说明 | 日期 | 负责部门/人".
  const milestoneLabels = cols.label === undefined && cols.milestone !== undefined;
  if (milestoneLabels) cols.label = cols.milestone;
  const has = (...roles: Role[]) => roles.some((x) => cols[x] !== undefined);
  const label = has("label");
  let kind: TableKind | null = null;
  if (has("element") && has("content")) kind = "elements";
  else if (label && has("standard", "controlLine", "corrective")) kind = "controls";
  else if (label && has("actual") && has("value")) kind = "actuals";
  else if (label && has("amount")) kind = "budget";
  else if (label && has("start", "end", "milestone", "due")) kind = "schedule";
  else if (label && has("value", "measure")) kind = "targets";
  else if (has("department") && has("owner")) kind = "owners";
  return kind === null ? null : { kind, header: r, cols, milestoneLabels };
}

// ---- the reading --------------------------------------------------------------------------------

interface Collect {
  elements: PlanElement[];
  targets: PlanTarget[];
  budget: BudgetLine[];
  schedule: ScheduleItem[];
  owners: OwnerEntry[];
  controls: ControlItem[];
  actuals: ActualItem[];
  dealer?: string;
}

const TOTAL_WORDS = /^(合计|总计|小计|共计|总额|预算合计|total|subtotal|sum)$/iu;
const VEHICLE = /台|辆|销量|units?|vehicles?|cars?|sales/iu;
const MONEY = /元|万|¥|rmb|cny|毛利|利润|收入|费用|成本|预算|profit|revenue|cost|budget|margin|roi/iu;

function targetKind(label: string, measure: string): PlanTarget["kind"] {
  const both = `${label} ${measure}`;
  if (MONEY.test(both)) return "financial";
  if (VEHICLE.test(both)) return "sales";
  return "other";
}

function readTable(g: Grid, t: Table, out: Collect, consumed: Set<number>): void {
  const at = (r: number, role: Role): CellValue | undefined => {
    const c = t.cols[role];
    return c === undefined ? undefined : g.v(r, c);
  };
  const txt = (r: number, role: Role): string => cellText(at(r, role));
  /** `{ [key]: look }` of the cell in `role`'s column, or nothing when it has no look to keep. */
  const look = <K extends string>(key: K, r: number, role: Role): Partial<Record<K, CellLook>> => {
    const c = t.cols[role];
    const found = c === undefined ? undefined : g.look(r, c);
    return found ? ({ [key]: found } as Partial<Record<K, CellLook>>) : {};
  };
  consumed.add(t.header);
  for (let r = t.header + 1; r < g.rows; r++) {
    if (g.rowEmpty(r) || headerAt(g, r) !== null) break;
    consumed.add(r);
    const labelCol = t.cols.label ?? t.cols.element ?? t.cols.department;
    const label = labelCol === undefined ? "" : g.t(r, labelCol);
    const ref = g.ref(r, labelCol ?? 0);
    // An owner named on an indicator or a KPI is a responsibility too (the template's blocks have one).
    if ((t.kind === "targets" || t.kind === "controls") && hasContent(label) && hasContent(txt(r, "owner")))
      out.owners.push({ role: label, name: txt(r, "owner"), ref: g.ref(r, t.cols.owner ?? 0) });
    switch (t.kind) {
      case "elements": {
        const id = matchElementHeading(label);
        if (id === null) break;
        const contentCol = t.cols.content as number;
        out.elements.push({
          id,
          text: g.t(r, contentCol),
          ref: g.ref(r, contentCol),
          ...(hasContent(txt(r, "owner")) ? { owner: txt(r, "owner") } : {}),
          ...(cellDate(at(r, "due")) ? { due: cellDate(at(r, "due")) } : {}),
          ...(hasContent(txt(r, "status")) ? { status: txt(r, "status") } : {}),
        });
        break;
      }
      case "controls":
        if (!hasContent(label)) break;
        out.controls.push({
          kpi: label,
          standard: cellNumber(at(r, "standard")) ?? cellNumber(at(r, "value")),
          controlLine:
            cellNumber(at(r, "controlLine")) ??
            (hasContent(txt(r, "controlLine")) ? txt(r, "controlLine") : null),
          reviewCycle: txt(r, "cycle"),
          correctiveAction: txt(r, "corrective"),
          ref,
          ...(cellNumber(at(r, "standard")) !== null
            ? look("standardLook", r, "standard")
            : look("standardLook", r, "value")),
          ...(cellNumber(at(r, "controlLine")) !== null ? look("controlLineLook", r, "controlLine") : {}),
        });
        if (t.cols.actual !== undefined)
          out.actuals.push({
            label,
            target: cellNumber(at(r, "standard")),
            actual: cellNumber(at(r, "actual")),
            ref,
            ...look("targetLook", r, "standard"),
            ...look("actualLook", r, "actual"),
          });
        break;
      case "actuals":
        if (!hasContent(label)) break;
        out.actuals.push({
          label,
          target: cellNumber(at(r, "value")),
          actual: cellNumber(at(r, "actual")),
          ref,
          ...look("targetLook", r, "value"),
          ...look("actualLook", r, "actual"),
        });
        out.targets.push({
          label,
          value: cellNumber(at(r, "value")),
          measure: txt(r, "measure"),
          kind: targetKind(label, txt(r, "measure")),
          ref,
          ...look("valueLook", r, "value"),
        });
        break;
      case "budget": {
        if (!hasContent(label) || TOTAL_WORDS.test(label.replace(/\s/g, ""))) break;
        out.budget.push({
          label,
          amount: cellNumber(at(r, "amount")),
          ref,
          ...look("amountLook", r, "amount"),
        });
        break;
      }
      case "schedule": {
        if (!hasContent(label)) break;
        const start = cellDate(at(r, "start"));
        const end = cellDate(at(r, "end")) || cellDate(at(r, "due"));
        const m = txt(r, "milestone").toLowerCase();
        out.schedule.push({
          label,
          ...(start ? { start } : {}),
          ...(end ? { end } : {}),
          ...(hasContent(txt(r, "owner")) ? { owner: txt(r, "owner") } : {}),
          milestone: t.milestoneLabels || (hasContent(m) && !/^(否|no|n|false|0)$/.test(m)),
          ref,
        });
        break;
      }
      case "targets": {
        if (!hasContent(label)) break;
        const measure = txt(r, "measure");
        out.targets.push({
          label,
          value: cellNumber(at(r, "value")),
          measure,
          kind: targetKind(label, measure),
          ref,
          ...look("valueLook", r, "value"),
        });
        break;
      }
      case "owners":
        if (!hasContent(label)) break;
        out.owners.push({ role: label, name: txt(r, "owner"), ref });
        break;
    }
  }
}

const OWNER_LINE = /^(负责人|责任人|owner|responsible)\s*[:：]\s*(.+)$/imu;
const DEALER_LABELS =
  /^(经销商|经销商名称|门店|门店名称|店名|公司|dealer|dealername|dealership|store|storename)[:：]?$/iu;

interface Heading {
  readonly id: ElementId;
  readonly col: number;
  readonly inline: string;
}

function headingIn(g: Grid, r: number, c: number): Heading | null {
  const t = g.t(r, c);
  if (t === "" || typeof g.v(r, c) !== "string") return null;
  // "执行概要:正文" first, so text after the colon is content; a colon inside brackets
  // ("费用预算(单位:元)") is part of the heading.
  const m = /^([^:：\n(（]{1,30})[:：]\s*([\s\S]*)$/u.exec(t);
  if (m) {
    const id = matchElementHeading(m[1], { loose: true });
    if (id) return { id, col: c, inline: m[2].trim() };
  }
  const direct = t.length <= 40 ? matchElementHeading(t, { loose: true }) : null;
  return direct ? { id: direct, col: c, inline: "" } : null;
}

function rowHeading(g: Grid, r: number): Heading | null {
  // A heading is the first non-empty cell of its row: text further right is content.
  for (let c = 0; c < g.cols(r); c++) {
    if (g.t(r, c) === "") continue;
    return headingIn(g, r, c);
  }
  return null;
}

/** Rows of a section that hold a label and numbers or dates become structured lines (budget, targets, schedule). */
function sectionRow(g: Grid, r: number, id: ElementId, out: Collect): void {
  const texts: { c: number; t: string }[] = [];
  const nums: { c: number; n: number }[] = [];
  for (let c = 0; c < g.cols(r); c++) {
    const v = g.v(r, c);
    if (typeof v === "number" && Number.isFinite(v)) nums.push({ c, n: v });
    else if (cellText(v) !== "") {
      const n = cellNumber(v);
      if (n !== null) nums.push({ c, n });
      else texts.push({ c, t: cellText(v) });
    }
  }
  if (texts.length === 0) return;
  const label = texts[0].t;
  if (label.length > 40) return;
  const ref = g.ref(r, texts[0].c);
  const numLook = nums.length > 0 ? g.look(r, nums[0].c) : undefined;
  if (id === "expenses" && nums.length >= 1 && !TOTAL_WORDS.test(label.replace(/\s/g, "")))
    out.budget.push({ label, amount: nums[0].n, ref, ...(numLook ? { amountLook: numLook } : {}) });
  else if ((id === "marketingObjectives" || id === "financialObjectives") && nums.length >= 1) {
    const unit = texts.find((x) => x.c > nums[0].c)?.t ?? /[(（]([^)）]+)[)）]/u.exec(label)?.[1] ?? "";
    const kind = id === "financialObjectives" ? "financial" : targetKind(label, unit);
    out.targets.push({
      label,
      value: nums[0].n,
      measure: unit,
      kind,
      ref,
      ...(numLook ? { valueLook: numLook } : {}),
    });
  } else if (id === "schedule") {
    const dates: string[] = [];
    for (let c = 0; c < g.cols(r); c++)
      if (c !== texts[0].c && isDateLike(g.v(r, c))) dates.push(cellDate(g.v(r, c)));
    if (dates.length === 0) return;
    const owner = texts.find((x) => x.c !== texts[0].c && !isDateLike(x.t) && x.t.length <= 12)?.t;
    out.schedule.push({
      label,
      start: dates[0],
      ...(dates[1] ? { end: dates[1] } : {}),
      ...(owner ? { owner } : {}),
      milestone: /里程碑|节点|milestone/iu.test(label),
      ref,
    });
  }
}

function readSections(g: Grid, consumed: ReadonlySet<number>, out: Collect): void {
  let current: { id: ElementId; lines: string[]; ref: string; owner?: string } | null = null;
  const flush = () => {
    if (current === null) return;
    const text = current.lines.join("\n").trim();
    const owner = OWNER_LINE.exec(text)?.[2]?.trim();
    out.elements.push({
      id: current.id,
      text,
      ref: current.ref,
      ...(owner ? { owner } : current.owner ? { owner: current.owner } : {}),
    });
    current = null;
  };
  for (let r = 0; r < g.rows; r++) {
    if (consumed.has(r)) {
      continue;
    }
    const h = rowHeading(g, r);
    if (h !== null) {
      flush();
      const rest: string[] = [];
      let ref = g.ref(r, h.col);
      if (h.inline) rest.push(h.inline);
      for (let c = h.col + 1; c < g.cols(r); c++) {
        const t = g.t(r, c);
        if (t === "") continue;
        if (rest.length === 0) ref = g.ref(r, c);
        rest.push(t);
      }
      current = { id: h.id, lines: rest.length > 0 ? [rest.join(" ")] : [], ref };
      continue;
    }
    if (current === null) continue;
    const cells: string[] = [];
    for (let c = 0; c < g.cols(r); c++) if (g.t(r, c) !== "") cells.push(g.t(r, c));
    if (cells.length === 0) continue;
    if (current.lines.length === 0) current.ref = g.ref(r, g.firstCol(r));
    current.lines.push(cells.join(" "));
    sectionRow(g, r, current.id, out);
  }
  flush();
}

function findDealer(g: Grid): string | undefined {
  for (let r = 0; r < Math.min(g.rows, 30); r++)
    for (let c = 0; c < g.cols(r); c++) {
      const t = g.t(r, c);
      const inline =
        /^(经销商|经销商名称|门店|店名|dealer|dealer name|dealership|store)\s*[:：]\s*(.+)$/iu.exec(t);
      if (inline) return inline[2].trim();
      if (!DEALER_LABELS.test(t.replace(/\s/g, ""))) continue;
      for (let k = c + 1; k < g.cols(r); k++) if (hasContent(g.t(r, k))) return g.t(r, k);
      if (hasContent(g.t(r + 1, c))) return g.t(r + 1, c);
    }
  return undefined;
}

// ---- defined names ------------------------------------------------------------------------------

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

function nameLookup(wb: WorkbookSnapshot) {
  // A template written twice into one workbook gets suffixed names (Plan_Budget_2); the first copy wins.
  const byName = new Map<string, NameRange>();
  for (const n of wb.names) {
    const key = n.name.toLowerCase().replace(/_\d+$/, "");
    const p = parseRefersTo(n.refersTo);
    if (p && !byName.has(key)) byName.set(key, p);
  }
  return (name: string): { p: NameRange; g: Grid } | null => {
    const p = byName.get(name.toLowerCase());
    const sh = p ? wb.sheets.find((x) => x.name === p.sheet) : undefined;
    return p && sh ? { p, g: new Grid(sh) } : null;
  };
}

/** The plan template's single cells and ranges, by their defined names (src/templates/plan.ts). */
function readNames(wb: WorkbookSnapshot, out: Collect): void {
  const get = nameLookup(wb);
  const single = (name: string, fallback: string, measure: string, kind: PlanTarget["kind"]) => {
    const n = get(name);
    if (!n) return;
    const v = cellNumber(n.g.v(n.p.r0, n.p.c0));
    if (v === null || out.targets.some((t) => t.ref === n.g.ref(n.p.r0, n.p.c0))) return;
    // The template's own label (in the workbook's language) sits to the left of the named cell.
    let label = "";
    for (let c = n.p.c0 - 1; c >= 0 && label === ""; c--) label = n.g.t(n.p.r0, c);
    const valueLook = n.g.look(n.p.r0, n.p.c0);
    out.targets.push({
      label: label || fallback,
      value: v,
      measure,
      kind,
      ref: n.g.ref(n.p.r0, n.p.c0),
      ...(valueLook ? { valueLook } : {}),
    });
  };
  single("plan_salestarget", "销售目标 Sales target", "台", "sales");
  single("plan_revenuetarget", "销售收入目标 Revenue target", "元", "financial");
  const dealer = get("plan_dealer");
  if (dealer && out.dealer === undefined) {
    const t = dealer.g.t(dealer.p.r0, dealer.p.c0);
    if (hasContent(t)) out.dealer = t;
  }
  const budget = get("plan_budget");
  if (budget) {
    const { p, g } = budget;
    for (let r = p.r0; r <= p.r1; r++) {
      let label = "";
      let amount: number | null = null;
      let amountLook: CellLook | undefined;
      for (let c = p.c0; c <= p.c1; c++) {
        const n = cellNumber(g.v(r, c));
        if (n !== null) {
          amount = n;
          amountLook = g.look(r, c);
        } else if (label === "" && g.t(r, c) !== "") label = g.t(r, c);
      }
      // A single cell is the template's budget total; its label sits to the left of it.
      if (label === "")
        for (let c = p.c0 - 1; c >= 0 && label === ""; c--) if (g.t(r, c) !== "") label = g.t(r, c);
      if (amount !== null && !out.budget.some((b) => b.ref === g.ref(r, p.c0)))
        out.budget.push({
          label: label || "预算 Budget",
          amount,
          ref: g.ref(r, p.c0),
          ...(amountLook ? { amountLook } : {}),
        });
    }
  }
  const strategy = get("plan_strategy");
  if (strategy) {
    const { p, g } = strategy;
    const lines: string[] = [];
    for (let r = p.r0; r <= p.r1; r++) if (hasContent(g.t(r, p.c0))) lines.push(g.t(r, p.c0));
    if (lines.length > 0)
      out.elements.push({ id: "strategy", text: lines.join("\n"), ref: g.ref(p.r0, p.c0) });
  }
}

/** Sheets laid out by the plan template: read by their tables and names only, never by headings in notes. */
function templateSheets(wb: WorkbookSnapshot): Set<string> {
  const get = nameLookup(wb);
  const out = new Set<string>();
  for (const n of ["plan_elements", "plan_strategy"]) {
    const x = get(n);
    if (x) out.add(x.p.sheet);
  }
  return out;
}

/** The template's subtitle reads "dealer · brand · year"; the placeholder means no name was given. */
function templateDealer(g: Grid): string | undefined {
  const first = g.t(1, 0).split(" · ")[0]?.trim() ?? "";
  return hasContent(first) && first !== "经销商名称" && first !== "Dealer name" ? first : undefined;
}

/** True for the scorecard sheet this add-in writes, so scoring a scored copy does not read it back. */
function isScorecard(sheet: SheetSnapshot): boolean {
  const a1 = cellText(new CellIndex(sheet.cells).value(0, 0));
  return SCORECARD_TITLES.some((t) => a1.startsWith(t));
}

export function readPlan(wb: WorkbookSnapshot): PlanDocument {
  const out: Collect = {
    elements: [],
    targets: [],
    budget: [],
    schedule: [],
    owners: [],
    controls: [],
    actuals: [],
  };
  const template = templateSheets(wb);
  for (const sheet of wb.sheets) {
    if (isScorecard(sheet)) continue;
    const g = new Grid(sheet);
    const consumed = new Set<number>();
    for (let r = 0; r < g.rows; r++) {
      if (consumed.has(r)) continue;
      const t = headerAt(g, r);
      if (t !== null) readTable(g, t, out, consumed);
    }
    if (template.has(sheet.name)) {
      out.dealer ??= templateDealer(g);
      continue;
    }
    readSections(g, consumed, out);
    out.dealer ??= findDealer(g);
  }
  readNames(wb, out);
  const { dealer, ...rest } = out;
  return dealer !== undefined ? { dealer, ...rest } : rest;
}
