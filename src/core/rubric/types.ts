// Types of the rubric engine (营销计划评估标准). Pure data: a plan document goes in, a score comes out.

import type { Localized } from "../lang";

// The rubric speaks both languages of src/core/lang.ts; re-exported for the rubric's users.
export type { Lang, Localized } from "../lang";
export { LANGS } from "../lang";

/** The twelve elements of a marketing plan (营销计划作业流程), in the source's order. */
export type ElementId =
  | "summary"
  | "capability"
  | "customers"
  | "marketingObjectives"
  | "financialObjectives"
  | "strategy"
  | "mix"
  | "expenses"
  | "control"
  | "schedule"
  | "organization"
  | "review";

/** Where a value came from, e.g. "营销计划!C5"; free text for the reader, never parsed by the core. */
export type CellRef = string;

/** How a number looked in its cell, so a reader can show it as the sheet does. */
export interface CellLook {
  /** The cell's number format when not General, e.g. "0.0%" or '"¥"#,##0'. */
  readonly format?: string;
  /** The text the number was read from ("53%", "46万"), when the cell held text rather than a number. */
  readonly text?: string;
}

/** A number in an evidence value, with the look of the cell it was read from. */
export interface Figure extends CellLook {
  readonly number: number;
}

export interface PlanElement {
  readonly id: ElementId;
  readonly text: string;
  readonly owner?: string;
  /** ISO date (yyyy-mm-dd) when known, else the text as written. */
  readonly due?: string;
  readonly status?: string;
  readonly ref?: CellRef;
}

export interface PlanTarget {
  readonly label: string;
  readonly value: number | null;
  /** Unit or measuring indicator (台, %, 元, "leads per week" …). */
  readonly measure?: string;
  /** The reader's guess; "sales" marks the vehicle-sales target. */
  readonly kind?: "sales" | "financial" | "other";
  readonly ref?: CellRef;
  readonly valueLook?: CellLook;
}

export interface BudgetLine {
  readonly label: string;
  readonly amount: number | null;
  readonly ref?: CellRef;
  readonly amountLook?: CellLook;
}

export interface ScheduleItem {
  readonly label: string;
  readonly start?: string;
  readonly end?: string;
  readonly owner?: string;
  readonly milestone?: boolean;
  readonly ref?: CellRef;
}

export interface OwnerEntry {
  /** Department, role or task. */
  readonly role: string;
  readonly name: string;
  readonly ref?: CellRef;
}

/** One KPI of the control mechanism (过程控制): standard value, control line, review cycle, corrective action. */
export interface ControlItem {
  readonly kpi: string;
  readonly standard?: number | null;
  readonly controlLine?: number | string | null;
  readonly reviewCycle?: string;
  readonly correctiveAction?: string;
  readonly ref?: CellRef;
  readonly standardLook?: CellLook;
  readonly controlLineLook?: CellLook;
}

/** An actual result beside its planned target. */
export interface ActualItem {
  readonly label: string;
  /** Set when a lower actual is the better one (costs, spend); else the label decides. */
  readonly lowerIsBetter?: boolean;
  readonly target: number | null;
  readonly actual: number | null;
  readonly ref?: CellRef;
  readonly targetLook?: CellLook;
  readonly actualLook?: CellLook;
}

export interface PlanDocument {
  readonly dealer?: string;
  readonly elements: readonly PlanElement[];
  readonly targets: readonly PlanTarget[];
  readonly budget: readonly BudgetLine[];
  readonly schedule: readonly ScheduleItem[];
  readonly owners: readonly OwnerEntry[];
  readonly controls: readonly ControlItem[];
  readonly actuals: readonly ActualItem[];
}

export type CriterionId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export type CriterionKey =
  | "complete"
  | "concise"
  | "measurable"
  | "actions"
  | "salesBudgetSchedule"
  | "organization"
  | "feedback"
  | "results";

/** What a piece of evidence is, for code that sorts or filters it (never compare the note's prose). */
export type EvidenceKind =
  | "element"
  | "filler"
  | "count"
  | "length"
  | "indicator"
  | "salesTarget"
  | "budgetLine"
  | "datedItem"
  | "textDate"
  | "milestone"
  | "owner"
  | "department"
  | "kpi"
  | "standard"
  | "controlLine"
  | "reviewCycle"
  | "correctiveAction"
  | "attainment"
  | "noActuals";

export interface Evidence {
  readonly kind?: EvidenceKind;
  readonly elements?: readonly ElementId[];
  readonly ref?: CellRef;
  readonly value?: string | number;
  /**
   * `value` in pieces when it holds numbers read from cells, e.g. ["集客率", ": ", {number: 0.1,
   * format: "0%"}]: a reader showing values as the sheet does formats the figures; `value` is the same
   * text with the numbers as plain decimals.
   */
  readonly parts?: readonly (string | Figure)[];
  readonly note: Localized;
}

export interface CriterionScore {
  readonly id: CriterionId;
  readonly key: CriterionKey;
  readonly name: Localized;
  /** The automatic score, an integer 0–5. */
  readonly auto: number;
  /** True when the engine could not judge (criterion 8 without actuals): a person should score it. */
  readonly needsPerson: boolean;
  readonly evidence: readonly Evidence[];
  /** What to do to reach 5; null at full marks. */
  readonly suggestion: Localized | null;
}

export interface Override {
  /** 0–5. */
  readonly score: number;
  readonly reason: string;
}

export interface PlanScore {
  readonly criteria: readonly CriterionScore[];
  /** A person's overrides, kept apart from the automatic scores. */
  readonly overrides: Readonly<Partial<Record<CriterionId, Override>>>;
  /** Sum of the automatic scores. */
  readonly autoTotal: number;
  /** Sum of the effective scores (override where given, else automatic). */
  readonly total: number;
  readonly max: 40;
  /** total / 40 × 100, rounded to one decimal. */
  readonly percent: number;
}

export interface RubricError {
  readonly kind: "rubric-error";
  readonly reason: Localized;
}

export function isRubricError(x: unknown): x is RubricError {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "rubric-error";
}
