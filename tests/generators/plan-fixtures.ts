// Plan workbooks for the golden tests and the benchmark, built with exceljs (and the plan template)
// so they can be rebuilt at any time: `npx tsx tests/generators/make-plan-fixtures.ts`.
import type { Lang } from "../../src/core/lang";
import { isoToSerial } from "../../src/core/dates";
import ExcelJS from "exceljs";
import { buildPlan, planLayout } from "../../src/templates/plan";
import { withValues, type SpecCell, type WorkbookSpec } from "../../src/templates/spec";
import { templateToXlsx } from "../../src/workbook/xlsx";
import { EN_TEXT, ZH_TEXT } from "./plan-texts";

export { EN_TEXT, ZH_TEXT };

type Texts = Readonly<Record<keyof typeof ZH_TEXT, string>>;
const ORDER = Object.keys(ZH_TEXT) as (keyof typeof ZH_TEXT)[];

/** Excel serial of a yyyy-mm-dd date. */
export const serial = isoToSerial;

/** The plan template with its blocks filled in (undefined leaves a block empty). */
export function filledTemplate(
  lang: Lang,
  dealer: string,
  fill: {
    readonly texts?: Partial<Texts>;
    readonly owners?: boolean;
    readonly salesTarget?: number;
    readonly budget?: number;
    readonly indicators?: readonly (readonly SpecCell[])[];
    readonly schedule?: readonly (readonly SpecCell[])[];
    readonly control?: readonly (readonly SpecCell[])[];
  },
): WorkbookSpec {
  let spec = buildPlan({
    lang,
    dealerName: dealer,
    brand: "Brand",
    year: 2026,
    plan: {
      ...(fill.salesTarget !== undefined ? { salesTarget: fill.salesTarget } : {}),
      ...(fill.budget !== undefined ? { budget: fill.budget } : {}),
    },
  });
  const owners =
    lang === "zh-CN"
      ? ["市场部 王芳", "销售部 李强", "售后部 赵敏"]
      : ["Marketing, Wang Fang", "Sales, Li Qiang", "After-sales, Zhao Min"];
  const rows: SpecCell[][] = ORDER.map((k, i) => {
    const text = fill.texts?.[k] ?? null;
    return [
      text,
      text && fill.owners ? owners[i % 3] : null,
      text && fill.owners ? serial("2026-03-25") : null,
    ];
  });
  spec = withValues(spec, "plan", `D${planLayout.elementRows[0]}`, rows);
  if (fill.indicators) spec = withValues(spec, "plan", `B${planLayout.indicatorRows[0]}`, fill.indicators);
  if (fill.schedule) spec = withValues(spec, "plan", `B${planLayout.scheduleRows[0]}`, fill.schedule);
  if (fill.control) spec = withValues(spec, "plan", `B${planLayout.controlRows[0]}`, fill.control);
  return spec;
}

function stamp(wb: ExcelJS.Workbook): void {
  // Fixed document dates keep rebuilt fixtures identical in content.
  wb.creator = "make-plan-fixtures";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = new Date(Date.UTC(2026, 0, 1));
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A self-made Chinese plan: numbered headings with paragraphs and small tables below them. */
export async function handmadeZh(
  dealer: string,
  withActuals: boolean,
  texts: Texts = ZH_TEXT,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stamp(wb);
  const ws = wb.addWorksheet("2026年Q2营销计划");
  ws.addRow([`${dealer} 2026 年第二季度营销计划`]);
  ws.addRow(["经销商:", dealer]);
  ws.addRow([]);
  const section = (heading: string, text: string, extra: (string | number | Date | null)[][] = []) => {
    ws.addRow([heading]);
    if (text) ws.addRow([text]);
    for (const r of extra) ws.addRow(r);
    ws.addRow([]);
  };
  section("一、执行摘要", texts.summary);
  section("二、能力与优势", texts.capability);
  section("三、目标客户群", texts.customers);
  section("四、营销目标", texts.marketingObjectives, [
    ["新车销量", 360, "台"],
    ["集客数", 3600, "人"],
  ]);
  section("五、财务目标", texts.financialObjectives);
  section("六、营销策略", texts.strategy);
  section("七、行动计划", texts.mix);
  section("八、费用预算", texts.expenses, [
    ["车展", 200000],
    ["试驾会", 100000],
    ["线上广告", 150000],
    ["合计", 450000],
  ]);
  section("九、过程控制", texts.control);
  section("十、时间表", "", [
    ["活动启动", new Date(Date.UTC(2026, 3, 1)), "王芳"],
    ["车展", new Date(Date.UTC(2026, 3, 12)), "李强"],
    ["试驾会", new Date(Date.UTC(2026, 3, 26)), "李强"],
    ["中期检查(里程碑)", new Date(Date.UTC(2026, 4, 15)), "王芳"],
  ]);
  section("十一、人员分工", texts.organization);
  section("十二、总结复盘", texts.review);
  if (withActuals) {
    const res = wb.addWorksheet("执行结果");
    res.addRow(["执行结果(截至 6 月 30 日)"]);
    res.addRow([]);
    res.addRow(["指标", "目标", "实际"]);
    res.addRow(["新车销量", 360, 342]);
    res.addRow(["集客数", 3600, 3900]);
    res.addRow(["到店数", 900, 700]);
  }
  return bytesOf(wb);
}

/** A self-made English plan: headings in column A, text in column B, then budget and timeline tables. */
export async function handmadeEn(dealer: string, texts: Partial<Texts> = EN_TEXT): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stamp(wb);
  const ws = wb.addWorksheet("Plan");
  ws.addRow([`Q2 2026 Marketing Plan`]);
  ws.addRow(["Dealer", dealer]);
  ws.addRow([]);
  const headings: [string, keyof Texts][] = [
    ["Executive Summary", "summary"],
    ["Situation analysis", "capability"],
    ["Target market", "customers"],
    ["Objectives", "marketingObjectives"],
    ["Financial goals", "financialObjectives"],
    ["Strategy", "strategy"],
    ["Action plan", "mix"],
    ["Budget", "expenses"],
    ["Monitoring", "control"],
    ["Timeline", "schedule"],
    ["Team", "organization"],
    ["Review", "review"],
  ];
  for (const [h, k] of headings) ws.addRow([h, texts[k] ?? ""]);
  ws.addRow([]);
  const sheet2 = wb.addWorksheet("Details");
  sheet2.addRow(["Item", "Amount (CNY)"]);
  sheet2.addRow(["Auto show", 200000]);
  sheet2.addRow(["Test-drive day", 100000]);
  sheet2.addRow(["Online ads", 150000]);
  sheet2.addRow(["Total", 450000]);
  sheet2.addRow([]);
  sheet2.addRow(["Activity", "Start", "End", "Owner"]);
  sheet2.addRow(["Kick-off", new Date(Date.UTC(2026, 3, 1)), null, "Wang Fang"]);
  sheet2.addRow(["Auto show", new Date(Date.UTC(2026, 3, 12)), new Date(Date.UTC(2026, 3, 13)), "Li Qiang"]);
  sheet2.addRow(["Test-drive day", new Date(Date.UTC(2026, 3, 26)), null, "Li Qiang"]);
  return bytesOf(wb);
}

/** A plan written in a word processor and pasted into one cell, with bilingual headings. */
export async function pastedZh(dealer: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stamp(wb);
  const ws = wb.addWorksheet("计划");
  ws.addRow([`${dealer} 营销计划`]);
  const t = ZH_TEXT;
  const body = [
    "1. 执行概要(Executive Summary)",
    t.summary,
    "2. 目标客户群 / Target customers",
    t.customers,
    "3. 营销目标与指标",
    t.marketingObjectives,
    "4. 费用预算(单位:元)",
    t.expenses,
    "5. 进度安排",
    t.schedule,
    "6. 组织分工:" + t.organization,
  ].join("\n");
  ws.addRow([body]);
  return bytesOf(wb);
}

export async function emptyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stamp(wb);
  wb.addWorksheet("Sheet1");
  return bytesOf(wb);
}

const ZH_INDICATORS: SpecCell[][] = [
  ["集客率", "留资数/信息触达数", 0.15, "市场部"],
  ["成交率", "成交数/到店数", 0.3, "销售部"],
  ["单车营销成本", "营销费用/销量(元)", 1250, "财务部"],
];
const ZH_SCHEDULE: SpecCell[][] = [
  ["活动启动", "启动会", serial("2026-04-01"), "王芳"],
  ["车展", "市中心车展", serial("2026-04-12"), "李强"],
  ["中期检查", "对照目标检查", serial("2026-05-15"), "王芳"],
  ["结束复盘", "总结校正", serial("2026-06-30"), "王芳"],
];
const ZH_CONTROL: SpecCell[][] = [
  ["集客率", "低于控制线时调整投放渠道", 0.15, 0.1, "每周", "王芳"],
  ["成交率", "加强邀约话术培训", 0.3, 0.25, "每周", "李强"],
];

/** Every golden fixture: file name (without .xlsx) and its bytes. */
export async function fixtureWorkbooks(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const out: { name: string; bytes: Uint8Array }[] = [];
  out.push({
    name: "template-complete-zh",
    bytes: await templateToXlsx(
      filledTemplate("zh-CN", "星辰汽车", {
        texts: ZH_TEXT,
        owners: true,
        salesTarget: 360,
        budget: 450000,
        indicators: ZH_INDICATORS,
        schedule: ZH_SCHEDULE,
        control: ZH_CONTROL,
      }),
    ),
  });
  out.push({
    name: "template-partial-en",
    bytes: await templateToXlsx(
      filledTemplate("en-US", "Riverside Motors", {
        texts: {
          summary: EN_TEXT.summary,
          customers: EN_TEXT.customers,
          marketingObjectives: EN_TEXT.marketingObjectives,
          strategy: EN_TEXT.strategy,
          mix: "Auto show.",
          expenses: "TBD",
        },
        salesTarget: 360,
        indicators: [["Lead capture rate", "leads / messages delivered", 0.15, "Marketing"]],
      }),
    ),
  });
  out.push({ name: "template-empty-zh", bytes: await templateToXlsx(filledTemplate("zh-CN", "", {})) });
  out.push({ name: "handmade-zh", bytes: await handmadeZh("星河汽车销售服务有限公司", false) });
  out.push({ name: "handmade-actuals-zh", bytes: await handmadeZh("云岭汽车", true) });
  out.push({ name: "handmade-en", bytes: await handmadeEn("Riverside Motors") });
  out.push({
    name: "handmade-partial-en",
    bytes: await handmadeEn("Hilltop Auto", {
      summary: EN_TEXT.summary,
      strategy: EN_TEXT.strategy,
      mix: "Show.",
    }),
  });
  out.push({ name: "handmade-pasted-zh", bytes: await pastedZh("海湾汽车") });
  out.push({ name: "empty-workbook", bytes: await emptyWorkbook() });
  const full = await handmadeZh("截断汽车", false);
  out.push({ name: "unreadable-truncated", bytes: full.subarray(0, Math.floor(full.length / 2)) });
  out.push({ name: "unreadable-not-a-workbook", bytes: new TextEncoder().encode("经销商,总分\n星辰,30\n") });
  return out;
}

/** A varied plan for the benchmark: which elements are filled depends on i. */
export async function benchWorkbook(i: number): Promise<Uint8Array> {
  const pick = <T extends Record<string, string>>(t: T): Partial<T> =>
    Object.fromEntries(Object.entries(t).filter((_, k) => (i + k) % 5 !== 0)) as Partial<T>;
  switch (i % 3) {
    case 0:
      return templateToXlsx(
        filledTemplate("zh-CN", `经销商${i}`, {
          texts: pick(ZH_TEXT),
          owners: i % 2 === 0,
          salesTarget: 100 + i,
          budget: 300000 + i * 1000,
          indicators: ZH_INDICATORS,
          schedule: ZH_SCHEDULE,
          control: i % 4 === 0 ? ZH_CONTROL : [],
        }),
      );
    case 1:
      return handmadeZh(`经销商${i}`, i % 2 === 0, { ...ZH_TEXT, ...pick(ZH_TEXT) });
    default:
      return handmadeEn(`Dealer ${i}`, pick(EN_TEXT));
  }
}
