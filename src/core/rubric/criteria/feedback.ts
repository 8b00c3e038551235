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

  const base = fromChecks(7, [
    presentCheck(f, "control"),
    {
      ok: standard.length > 0,
      evidence: standard,
      fix: L(
        "为关键 KPI 设定标准值（如集客率标准值 15%）",
        "set a standard value for each key KPI (e.g. lead capture rate 15%)",
      ),
    },
    {
      ok: line.length > 0,
      evidence: line,
      fix: L(
        "在标准值两侧设定监督控制线（预警线/控制线）",
        "set control lines around the standard value (warning and control lines)",
      ),
    },
    {
      ok: cycle.length > 0,
      evidence: cycle,
      fix: L(
        "规定检查和复盘的周期（如每周例会、每月复盘）",
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
  // A plan that describes its mechanism in words (标准值, 控制线, 每周, 纠偏 with figures) earns up
  // to 4 from the text; 5 needs KPIs that are complete one by one.
  const described = [
    f.present("control"),
    standardText !== null,
    containsAny(text, CONTROL_LINE_WORDS) !== null,
    containsAny(text, CYCLE_WORDS) !== null,
    containsAny(text, CORRECTION_WORDS) !== null,
  ].filter(Boolean).length;
  const score = Math.max(ladder(f, text, cycle.length > 0), Math.min(4, described));
  return {
    ...base,
    auto: score,
    suggestion:
      score >= 5
        ? null
        : (base.suggestion ??
          L(
            "让每个 KPI 都有标准值、控制线和具体的纠偏措施（不是“加强培训”“及时调整”）",
            'give every KPI a standard value, a control line and a specific corrective action (not "more training", "adjust in time")',
          )),
  };
}

/** Corrective actions that name no action: a token line earns nothing. */
const GENERIC =
  /^(加强培训|及时调整|加强管理|加强考核|加大宣传|加大力度|认真整改|改进|调整|整改|落实|improve|adjust|more training|train staff|review|follow up)[。.!！]?$/iu;
const THRESHOLD = /低于|不足|未达|超过|高于|超出|少于|below|under|above|exceeds?|over|预警|控制线|警戒/iu;
const ACTION =
  /→|则|时|立即|追加|启动|暂停|冻结|增加|减少|调整|改为|extra|add|cut|pause|stop|switch|move|launch/iu;

function specific(action: string | undefined): boolean {
  return hasContent(action) && !GENERIC.test((action ?? "").trim());
}

/** KPIs written in the text: a figure, a threshold and what is done when it is crossed. */
function textKpis(text: string): number {
  return text
    .normalize("NFKC")
    .split(/[。；;\n]/u)
    .filter((c) => quantities(c).length > 0 && THRESHOLD.test(c) && ACTION.test(c)).length;
}

/**
 * Several complete KPIs (standard, line, specific action) with a review cycle → 5; lines or
 * standards missing for some → 4; KPIs against targets with an action → 3; a review routine or KPIs
 * without lines → 2; a token line → 1; nothing → 0.
 */
function ladder(f: PlanFacts, text: string, cycle: boolean): number {
  const kpis = f.plan.controls.filter((x) => hasContent(x.kpi));
  const withStandard = kpis.filter((x) => x.standard !== null && x.standard !== undefined);
  const line = (x: (typeof kpis)[number]) =>
    x.controlLine !== null &&
    x.controlLine !== undefined &&
    (typeof x.controlLine === "number" || hasContent(x.controlLine));
  const complete =
    withStandard.filter((x) => line(x) && specific(x.correctiveAction)).length + textKpis(text);
  const acted = withStandard.some((x) => specific(x.correctiveAction));
  if (complete >= 3 && cycle) return 5;
  if (complete >= 2 || (complete >= 1 && withStandard.length >= 2)) return 4;
  if (complete >= 1 || acted) return 3;
  if (withStandard.length >= 1 || (f.present("control") && cycle)) return 2;
  if (f.present("control") || f.present("review") || kpis.length > 0) return 1;
  return 0;
}
