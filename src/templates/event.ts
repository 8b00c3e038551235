// Event break-even (活动保本分析): cost F + v·a against income a·r·m, as the source draws it.
import { SheetBuilder } from "./builder";
import { L } from "../core/lang";
import { ceilSafeFormula, common, formats, moneyFormat, pick, str } from "./i18n";
import { resolveCommon, type TemplateOptions } from "./options";
import type { WorkbookSpec } from "./spec";

const S = {
  sheet: L("活动保本分析", "Event Break-even"),
  title: L("营销活动保本分析", "Marketing event break-even analysis"),
  inputs: L("输入", "Inputs"),
  fixed: L("活动固定成本 F", "Fixed cost of the event F"),
  fixedNote: L("场地、广告等与人数无关的成本", "Venue, advertising: costs that do not depend on attendance"),
  variable: L("每位来宾变动成本 v", "Variable cost per attendee v"),
  variableNote: L("礼品、餐饮、试驾油费等", "Gifts, meals, test-drive fuel"),
  margin: L("每位真实客户边际贡献 m", "Marginal contribution per buyer m"),
  marginNote: L(
    "一台车的毛利,含金融、保险、精品",
    "Gross profit of one sale incl. finance, insurance, accessories",
  ),
  rate: L("来宾成交率 r", "Conversion rate attendee → buyer r"),
  rateNote: L("来宾中成为真实客户的比例", "Share of attendees who become real customers"),
  attendees: L("计划来宾人数 a", "Planned attendees a"),
  results: L("结果", "Results"),
  buyers: L("保本所需真实客户数", "Break-even buyers at planned attendance"),
  buyersNote: L("⌈(F + v·a) / m⌉", "⌈(F + v·a) / m⌉"),
  required: L("保本所需成交率", "Required conversion"),
  requiredNote: L("保本客户数 / 来宾人数", "Break-even buyers / attendees"),
  attendeesOut: L("按成交率 r 的保本来宾人数", "Break-even attendees at rate r"),
  attendeesOutNote: L("⌈F / (r·m − v)⌉;r·m ≤ v 时永不保本", "⌈F / (r·m − v)⌉; never when r·m ≤ v"),
  expected: L("预计真实客户数", "Expected buyers"),
  expectedNote: L("a · r", "a · r"),
  profit: L("预计活动利润", "Expected profit"),
  profitNote: L("a·r·m − F − v·a", "a·r·m − F − v·a"),
  sensitivity: L("敏感性分析:按来宾人数", "Sensitivity by attendance"),
  colAttendees: L("来宾人数", "Attendees"),
  colCost: L("活动总成本", "Total cost"),
  colIncome: L("活动收益", "Income"),
  colProfit: L("利润", "Profit"),
  colBuyers: L("保本客户数", "Break-even buyers"),
  colRequired: L("保本成交率", "Required conversion"),
  chart: L("活动成本与收益", "Event cost and income"),
  chartPlaceholder: L(
    "图表(成本与收益随来宾人数变化)仅在通过加载项在 Excel 中创建模板时生成;可用左侧数据自行插入折线图。",
    "The chart (cost and income by attendance) appears only when the template is created in Excel by the add-in; insert a line chart of the table on the left to draw it.",
  ),
};

export function buildEvent(options: TemplateOptions): WorkbookSpec {
  const c = resolveCommon(options);
  const t = (x: { "zh-CN": string; "en-US": string }) => pick(x, c.lang);
  const money = moneyFormat(c.currency);
  const e = options.event ?? {};
  const v = (x: number | undefined) => (x === undefined ? null : x);
  const b = new SheetBuilder("event", t(S.sheet));

  b.cell("A1", t(S.title)).style("A1", "title").merge("A1:F1");
  b.cell("A2", t(common.subtitle(c.dealerName, c.brand, c.year)))
    .style("A2", "subtitle")
    .merge("A2:F2");
  b.cell("A3", t(common.inputsNote)).style("A3", "note").merge("A3:F3");

  b.cell("A4", t(S.inputs)).style("A4:C4", "section");
  b.put("A5", [
    [t(S.fixed), v(e.fixedCost), t(S.fixedNote)],
    [t(S.variable), v(e.variableCost), t(S.variableNote)],
    [t(S.margin), v(e.margin), t(S.marginNote)],
    [t(S.rate), v(e.conversionRate), t(S.rateNote)],
    [t(S.attendees), v(e.attendees), null],
  ]);
  b.style("A5:A9", "label").style("C5:C9", "note");
  b.input("B5:B7", { type: "decimal", min: 0 }, t(common.nonNegative), money);
  b.input("B8", { type: "decimal", min: 0, max: 1 }, t(common.rate), formats.percent);
  b.input("B9", { type: "whole", min: 0 }, t(common.wholeNonNegative), formats.count);

  const invalid = str(t(common.invalid));
  const never = str(t(common.never));
  const have = (...cells: string[]) => `AND(${cells.map((x) => `ISNUMBER(${x})`).join(",")})`;

  b.cell("A11", t(S.results)).style("A11:C11", "section");
  b.put("A12", [
    [
      t(S.buyers),
      `=IF(NOT(${have("B5", "B6", "B7", "B9")}),"",IF(OR(B5<0,B6<0,B7<=0,B9<0),${invalid},${ceilSafeFormula("(B5+B6*B9)/B7")}))`,
      t(S.buyersNote),
    ],
    [t(S.required), `=IF(AND(ISNUMBER(B12),ISNUMBER(B9)),IF(B9>0,B12/B9,""),"")`, t(S.requiredNote)],
    [
      t(S.attendeesOut),
      `=IF(NOT(${have("B5", "B6", "B7", "B8")}),"",IF(OR(B5<0,B6<0,B7<0,B8<=0,B8>1),${invalid},IF(B8*B7-B6<=0,${never},${ceilSafeFormula("B5/(B8*B7-B6)")})))`,
      t(S.attendeesOutNote),
    ],
    [t(S.expected), `=IF(${have("B8", "B9")},B8*B9,"")`, t(S.expectedNote)],
    [t(S.profit), `=IF(${have("B5", "B6", "B7", "B8", "B9")},B9*B8*B7-B5-B6*B9,"")`, t(S.profitNote)],
  ]);
  b.style("A12:A16", "label").style("B12:B16", "output").style("C12:C16", "note");
  b.format("B12", formats.count)
    .format("B13", formats.percent)
    .format("B14", formats.count)
    .format("B15", "#,##0.0")
    .format("B16", money);

  b.cell("A18", t(S.sensitivity)).style("A18:F18", "section");
  b.row("A19", [
    t(S.colAttendees),
    t(S.colCost),
    t(S.colIncome),
    t(S.colProfit),
    t(S.colBuyers),
    t(S.colRequired),
  ]);
  b.style("A19:F19", "header");
  const rows = Array.from({ length: 20 }, (_, i) => {
    const r = 20 + i;
    return [
      (i + 1) * 10,
      `=IF(${have("$B$5", "$B$6")},$B$5+$B$6*A${r},"")`,
      `=IF(${have("$B$7", "$B$8")},A${r}*$B$8*$B$7,"")`,
      `=IF(AND(ISNUMBER(B${r}),ISNUMBER(C${r})),C${r}-B${r},"")`,
      `=IF(${have("$B$5", "$B$6", "$B$7")},IF(OR($B$5<0,$B$6<0,$B$7<=0),"",${ceilSafeFormula(`($B$5+$B$6*A${r})/$B$7`)}),"")`,
      `=IF(ISNUMBER(E${r}),E${r}/A${r},"")`,
    ];
  });
  b.put("A20", rows);
  b.format("A20:A39", formats.count)
    .format("B20:D39", money)
    .format("E20:E39", formats.count)
    .format("F20:F39", formats.percent);
  b.style("B20:F39", "output");
  b.whenText("B12:B14", t(common.never), "bad").whenText("B12:B14", t(common.invalid), "bad");
  b.whenAbove("B16", 0, "good").whenAbove("D20:D39", 0, "good");

  b.addChart({
    type: "line",
    title: t(S.chart),
    series: "B19:C39",
    categories: "A20:A39",
    from: "H4",
    to: "P22",
  });

  b.width("A", 30).width("B", 16).width("C", 16).width("D", 14).width("E", 16).width("F", 16);

  b.name("Event_FixedCost", "B5", "input")
    .name("Event_VariableCost", "B6", "input")
    .name("Event_Margin", "B7", "input")
    .name("Event_ConversionRate", "B8", "input")
    .name("Event_Attendees", "B9", "input")
    .name("Event_BreakevenBuyers", "B12", "output")
    .name("Event_RequiredConversion", "B13", "output")
    .name("Event_BreakevenAttendees", "B14", "output")
    .name("Event_ExpectedBuyers", "B15", "output")
    .name("Event_Profit", "B16", "output")
    .name("Event_Sensitivity", "A19:F39", "output");

  return { kind: "event", lang: c.lang, title: t(S.title), sheets: [b.build()], names: b.names };
}
