import { L } from "../../lang";
import type { PlanFacts } from "../facts";
import { containsAny, hasContent, quantities } from "../text";
import type { CellLook, CriterionScore, Evidence, Localized } from "../types";
import { figure, figures, fromChecks, presentCheck } from "./shared";

const STANDARD_WORDS = ["标准值", "目标值", "standard value", "target value", "standard"];
const CONTROL_LINE_WORDS = [
  "控制线",
  "预警线",
  "警戒线",
  "阈值",
  "下限",
  "上限",
  "control line",
  "warning line",
  "threshold",
  "tolerance",
];
const CYCLE_WORDS = [
  "每周",
  "每月",
  "每日",
  "每天",
  "周会",
  "月度",
  "周度",
  "双周",
  "季度",
  "每两周",
  "weekly",
  "monthly",
  "daily",
  "biweekly",
  "fortnightly",
  "quarterly",
  "every week",
  "every month",
];
const CORRECTION_WORDS = [
  "纠偏",
  "校正",
  "整改",
  "调整",
  "补救",
  "应对措施",
  "corrective",
  "correction",
  "adjust",
  "remedial",
  "contingency",
];

export function scoreFeedback(f: PlanFacts): CriterionScore {
  const c = f.plan.controls.filter((x) => hasContent(x.kpi));
  const text = `${f.text("control")}\n${f.text("review")}`;
  const textEv = (word: string | null, note: Localized): Evidence[] =>
    word === null ? [] : [{ elements: ["control", "review"], value: word, note }];
  const itemEv = (
    pick: (x: (typeof c)[number]) => string | number | null | undefined,
    note: Localized,
    look?: (x: (typeof c)[number]) => CellLook | undefined,
  ): Evidence[] =>
    c
      .filter((x) => {
        const v = pick(x);
        return v !== null && v !== undefined && (typeof v === "number" || hasContent(v));
      })
      .slice(0, 2)
      .map((x) => {
        const v = pick(x);
        const shown =
          typeof v === "number"
            ? figures(x.kpi, ": ", figure(v, look?.(x)))
            : { value: `${x.kpi}: ${String(v)}` };
        return { ...shown, note, ...(x.ref ? { ref: x.ref } : {}) };
      });

  const standardText =
    containsAny(text, STANDARD_WORDS) !== null && quantities(text).length > 0
      ? containsAny(text, STANDARD_WORDS)
      : null;
  const standard = [
    ...itemEv(
      (x) => x.standard,
      L("KPI 标准值", "KPI standard value"),
      (x) => x.standardLook,
    ),
    ...textEv(standardText, L("文中的标准值", "standard value in the text")),
  ];
  const line = [
    ...itemEv(
      (x) => x.controlLine,
      L("控制线", "control line"),
      (x) => x.controlLineLook,
    ),
    ...textEv(containsAny(text, CONTROL_LINE_WORDS), L("文中的控制线", "control line in the text")),
  ];
  const cycle = [
    ...itemEv((x) => x.reviewCycle, L("检查周期", "review cycle")),
    ...textEv(containsAny(text, CYCLE_WORDS), L("文中的检查周期", "review cycle in the text")),
  ];
  const action = [
    ...itemEv((x) => x.correctiveAction, L("纠偏措施", "corrective action")),
    ...textEv(containsAny(text, CORRECTION_WORDS), L("文中的纠偏措施", "corrective action in the text")),
  ];

  return fromChecks(7, [
    presentCheck(f, "control"),
    {
      ok: standard.length > 0,
      evidence: standard,
      fix: L(
        "为关键 KPI 设定标准值(如集客率标准值 15%)",
        "set a standard value for each key KPI (e.g. lead capture rate 15%)",
      ),
    },
    {
      ok: line.length > 0,
      evidence: line,
      fix: L(
        "在标准值两侧设定监督控制线(预警线/控制线)",
        "set control lines around the standard value (warning and control lines)",
      ),
    },
    {
      ok: cycle.length > 0,
      evidence: cycle,
      fix: L(
        "规定检查和复盘的周期(如每周例会、每月复盘)",
        "fix the review cycle (e.g. weekly check, monthly review)",
      ),
    },
    {
      ok: action.length > 0,
      evidence: action,
      fix: L(
        "写明偏离控制线时的纠偏措施和负责人",
        "state the corrective action, and who takes it, when a KPI crosses its control line",
      ),
    },
  ]);
}
