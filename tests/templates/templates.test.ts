import {
  buildTemplate,
  commonFields,
  templateKinds,
  TemplateOptionsError,
  validateOptions,
  withNamedValue,
} from "../../src/templates";
import { monthLabels } from "../../src/templates/i18n";
import { parseCell, parseRange, rangeCells } from "../../src/core/a1";
import { LANGS } from "../../src/core/lang";
import { asText, flattenCells, isFormula, sheetKeysIn, type TemplateKind } from "../../src/templates/spec";
import { planWrite, uniqueSheetName } from "../../src/workbook/plan";

const kinds = templateKinds.map((k) => k.kind);
const all = kinds.flatMap((kind) =>
  LANGS.map((lang) => ({ kind, lang, spec: buildTemplate(kind, { lang }) })),
);

const requiredNames: Record<TemplateKind, string[]> = {
  event: [
    "Event_FixedCost",
    "Event_VariableCost",
    "Event_Margin",
    "Event_ConversionRate",
    "Event_Attendees",
    "Event_BreakevenBuyers",
    "Event_RequiredConversion",
    "Event_BreakevenAttendees",
    "Event_ExpectedBuyers",
    "Event_Profit",
    "Event_Sensitivity",
    "Event_Verdict",
    "Event_FixedCostItems",
    "Event_VariableCostItems",
    "Event_MarginItems",
    "Event_ActualAttendees",
    "Event_ActualBuyers",
    "Event_ActualProfit",
    "Event_TwoWay",
  ],
  budget: [
    "Budget_Margin",
    "Budget_Tolerance",
    "Budget_TotalPlanned",
    "Budget_TotalActual",
    "Budget_TotalLeads",
    "Budget_TotalRevenue",
    "Budget_TotalVehicles",
    "Budget_ROI",
    "Budget_CostPerSale",
    "Budget_Variance",
    "Budget_Table",
    "Budget_PlannedMonths",
    "Budget_ActualMonths",
    "Budget_MonthsReported",
    "Budget_YTDPlanned",
    "Budget_YTDActual",
    "Budget_YTDVariance",
    "Budget_YTDVariancePct",
    "Budget_Forecast",
    "Budget_CostPerLead",
  ],
  funnel: [
    "Funnel_TargetBuyers",
    ...[1, 2, 3, 4, 5, 6].map((k) => `Funnel_Stage${k}`),
    ...[1, 2, 3, 4, 5].map((k) => `Funnel_Rate${k}`),
  ],
  plan: ["Plan_SalesTarget", "Plan_Budget"],
};

describe("template specs", () => {
  test("the four kinds, each titled in both languages", () => {
    expect(kinds.sort()).toEqual(["budget", "event", "funnel", "plan"]);
    for (const k of templateKinds) {
      expect(k.title["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(k.title["en-US"]).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(commonFields.map((f) => f.field)).toContain("currency");
  });

  test.each(all.map((x) => [`${x.kind} ${x.lang}`, x] as const))(
    "%s: names, formulas and layout",
    (_id, x) => {
      const names = x.spec.names.map((n) => n.name);
      expect(names).toEqual(expect.arrayContaining(requiredNames[x.kind]));
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      const keys = new Set(x.spec.sheets.map((s) => s.key));
      for (const n of x.spec.names) expect(keys.has(n.sheet)).toBe(true);
      for (const s of x.spec.sheets) {
        expect(s.name.length).toBeLessThanOrEqual(31);
        for (const [addr, c] of flattenCells(s)) {
          if (!isFormula(c)) continue;
          // Classic functions only, no custom functions, and only this sheet's cells by address.
          expect([addr, c]).not.toEqual([
            addr,
            expect.stringMatching(/\b(LET|LAMBDA|XLOOKUP|XMATCH|FILTER|SEQUENCE|UNIQUE|SORT|DEALER\.)\(/),
          ]);
          // Another sheet only through a sheetCell placeholder of one of this template's own sheets.
          for (const k of sheetKeysIn(c)) expect([addr, keys.has(k)]).toEqual([addr, true]);
          // Error literals (#VALUE!, #NUM!) of the functions' native forms are not sheet references.
          const bare = c
            .replace(/"[^"]*"/g, "")
            .replace(/\{sheet:[A-Za-z0-9_]+\}!/g, "")
            .replace(/#(NULL|DIV\/0|VALUE|REF|NAME|NUM)!/g, "");
          expect([addr, bare]).not.toEqual([addr, expect.stringContaining("!")]);
          expect(c.length).toBeLessThan(8192);
          // Text literals of a formula are capped at 255 characters in Excel.
          for (const lit of c.match(/"[^"]*"/g) ?? []) expect(lit.length).toBeLessThanOrEqual(257);
        }
        // Every validated cell is styled as an input.
        const inputs = new Set(
          s.styles.filter((y) => y.style === "input").flatMap((y) => rangeCells(y.range)),
        );
        for (const v of s.validations)
          for (const a of rangeCells(v.range)) expect([a, inputs.has(a)]).toEqual([a, true]);
      }
      expect(x.spec.sheets[0].validations.length).toBeGreaterThan(0);
      const text = x.spec.sheets
        .flatMap((s) => [...flattenCells(s).values()])
        .filter((c) => typeof c === "string" && !isFormula(c))
        .join(" ");
      if (x.lang === "zh-CN") expect(text).toMatch(/[\u4e00-\u9fff]/);
      else expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    },
  );

  test("currency option changes the money formats; ¥ is the default", () => {
    const fmts = (c?: "$" | "€") =>
      buildTemplate("event", { lang: "en-US", currency: c })
        .sheets[0].formats.map((f) => f.format)
        .join(" ");
    expect(fmts()).toContain('"¥"#,##0');
    expect(fmts("$")).toContain('"$"#,##0');
    expect(fmts("€")).not.toContain("¥");
  });

  test("months wrap into the next year from the first month", () => {
    expect(monthLabels(2026, 4, "en-US").slice(8, 10)).toEqual(["Dec 2026", "Jan 2027"]);
    expect(monthLabels(2026, 1, "zh-CN")[0]).toBe("2026年1月");
  });

  test("the plan holds the dealer and brand in named cells of their own", () => {
    const spec = buildTemplate("plan", { lang: "zh-CN", dealerName: "华东汽车", brand: "BMW", year: 2027 });
    const cells = flattenCells(spec.sheets[0]);
    expect([cells.get("C2"), cells.get("E2"), cells.get("A1")]).toEqual([
      asText("华东汽车"),
      asText("BMW"),
      "营销计划 2027",
    ]);
    expect(spec.names.find((n) => n.name === "Plan_Dealer")?.ref).toBe("C2");
  });

  test("withNamedValue fills an input by its name", () => {
    const spec = withNamedValue(buildTemplate("event", { lang: "zh-CN" }), "Event_FixedCost", 5);
    expect(flattenCells(spec.sheets[0]).get("B5")).toBe(5);
    expect(() => withNamedValue(spec, "Nope", 1)).toThrow(/No such name/);
  });
});

describe("option validation", () => {
  test("field errors carry reasons in both languages", () => {
    const errors = validateOptions("event", {
      lang: "zh-CN",
      event: { conversionRate: 1.5, fixedCost: -1, attendees: 2.5 },
    });
    expect(errors.map((e) => e.field).sort()).toEqual([
      "event.attendees",
      "event.conversionRate",
      "event.fixedCost",
    ]);
    for (const e of errors) {
      expect(e.severity).toBe("error");
      expect(e.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message["en-US"]).toMatch(/[a-z]/);
    }
    expect(validateOptions("budget", { lang: "en-US", budget: { margin: 0 } })[0].field).toBe(
      "budget.margin",
    );
    expect(validateOptions("funnel", { lang: "en-US", funnel: { salespeople: 0 } })[0].field).toBe(
      "funnel.salespeople",
    );
    expect(
      validateOptions("plan", { lang: "en-US", year: 1999, firstMonth: 13 }).map((e) => e.field),
    ).toEqual(["year", "firstMonth"]);
  });

  test("an event that never breaks even is a warning, not an error", () => {
    const w = validateOptions("event", {
      lang: "en-US",
      event: { variableCost: 3000, margin: 5000, conversionRate: 0.5 },
    });
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe("warning");
    expect(() =>
      buildTemplate("event", {
        lang: "en-US",
        event: { variableCost: 3000, margin: 5000, conversionRate: 0.5 },
      }),
    ).not.toThrow();
  });

  test("r·m equal to v in decimals but not in binary (7% × 10,000 against 700) never breaks even", () => {
    // 0.07 × 10,000 − 700 is 1.1e-13 in floating point: compared exactly it would pass as profitable.
    const w = validateOptions("event", {
      lang: "zh-CN",
      event: { variableCost: 700, margin: 10000, conversionRate: 0.07 },
    });
    expect(w.map((x) => [x.field, x.severity])).toEqual([["event.conversionRate", "warning"]]);
    const clear = validateOptions("event", {
      lang: "zh-CN",
      event: { variableCost: 699, margin: 10000, conversionRate: 0.07 },
    });
    expect(clear).toEqual([]);
  });

  test("buildTemplate refuses options with errors", () => {
    expect(() => buildTemplate("event", { lang: "en-US", event: { conversionRate: 2 } })).toThrow(
      TemplateOptionsError,
    );
  });

  test("salespeople by name fill the rows", () => {
    const spec = buildTemplate("funnel", { lang: "en-US", funnel: { salespeople: ["Li", "Wang"] } });
    const cells = flattenCells(spec.sheets[0]);
    expect([cells.get("A41"), cells.get("A42")]).toEqual([asText("Li"), asText("Wang")]);
  });
});

describe("write planning", () => {
  test("sheet names stay unique, legal and at most 31 characters", () => {
    expect(uniqueSheetName("Budget", ["budget"])).toBe("Budget (2)");
    expect(uniqueSheetName("a/b:c", [])).toBe("a-b-c");
    const long = "x".repeat(40);
    const n = uniqueSheetName(long, ["x".repeat(31)]);
    expect(n.length).toBe(31);
    expect(n.endsWith(" (2)")).toBe(true);
  });

  test("all names of a second copy share one suffix", () => {
    const spec = buildTemplate("plan", { lang: "en-US" });
    const p = planWrite(spec, ["Marketing Plan"], ["plan_salestarget"]);
    expect(p.sheetNames.get("plan")).toBe("Marketing Plan (2)");
    expect(p.names.every((n) => n.name === `${n.base}_2`)).toBe(true);
    expect(p.names.find((n) => n.base === "Plan_Strategy")?.refersTo).toBe("'Strategy Outline'!$D$4:$D$18");
  });
});

/** Half-width , ; : ( ) ! ? next to a Chinese character (spaces between allowed), or brackets mixed. */
function halfWidthInChinese(s: string): string[] {
  const cjk = "[\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]";
  const near = new RegExp(`${cjk}\\s*[,;:()!?]|[,;:()!?]\\s*${cjk}`, "gu");
  const mixed = /\([^()（）]*）|（[^()（）]*\)/gu;
  return [...(s.match(near) ?? []), ...(s.match(mixed) ?? [])];
}

describe("Chinese text uses full-width punctuation", () => {
  const texts = (spec: ReturnType<typeof buildTemplate>): string[] =>
    spec.sheets.flatMap((s) => [
      s.name,
      ...[...flattenCells(s).values()].flatMap((c) =>
        typeof c !== "string" ? [] : isFormula(c) ? (c.match(/"[^"]*"/g) ?? []) : [c],
      ),
      ...s.validations.flatMap((v) => [
        v.error,
        v.prompt ?? "",
        ...(v.rule.type === "list" ? v.rule.values : []),
      ]),
      ...(s.charts ?? []).map((c) => c.title),
    ]);

  test("the scan finds what it must", () => {
    expect(halfWidthInChinese("销售目标(台)")).toHaveLength(2);
    expect(halfWidthInChinese("状态: 集客率")).toHaveLength(1);
    expect(halfWidthInChinese("不超过 1(1 表示按收入计算 ROI）")).toHaveLength(1);
    expect(halfWidthInChinese("⌈(F + v·a) / m⌉；r·m ≤ v 时永不保本")).toEqual([]);
    expect(halfWidthInChinese("Sales target (vehicles)")).toEqual([]);
  });

  test.each(kinds)("%s: every sheet text, validation message and chart title", (kind) => {
    const spec = buildTemplate(kind, {
      lang: "zh-CN",
      dealerName: "星辰汽车",
      brand: "Aurora",
      funnel: { salespeople: ["李雷", "韩梅梅"] },
    });
    const bad = texts(spec).filter((t) => halfWidthInChinese(t).length > 0);
    expect(bad).toEqual([]);
  });

  test("the kinds' titles, descriptions, field labels and option messages", () => {
    const messages = [
      ...validateOptions("event", {
        lang: "zh-CN",
        year: 1,
        firstMonth: 0,
        dealerName: "x".repeat(81),
        event: { fixedCost: -1, conversionRate: 2, attendees: 1.5 },
      }),
      ...validateOptions("event", {
        lang: "zh-CN",
        event: { variableCost: 9, margin: 1, conversionRate: 0.5 },
      }),
      ...validateOptions("budget", { lang: "zh-CN", budget: { margin: 2, tolerance: 2 } }),
      ...validateOptions("funnel", { lang: "zh-CN", funnel: { salespeople: 0, targetBuyers: -1 } }),
    ].map((e) => e.message["zh-CN"]);
    expect(messages.length).toBeGreaterThan(8);
    const all = [
      ...templateKinds.flatMap((k) => [k.title, k.description, ...k.fields.map((f) => f.label)]),
      ...commonFields.map((f) => f.label),
    ].map((x) => x["zh-CN"]);
    expect([...all, ...messages].filter((t) => halfWidthInChinese(t).length > 0)).toEqual([]);
  });

  test("no internal wording, and dealers' terms first", () => {
    for (const lang of LANGS) {
      for (const kind of kinds) {
        const text = texts(buildTemplate(kind, { lang })).join("\n");
        expect(text).not.toMatch(/资料中的|the source|source's/i);
      }
    }
    const event = texts(buildTemplate("event", { lang: "zh-CN" }));
    expect(event).toContain("单车毛利 m");
    expect(event.some((t) => t.includes("边际贡献"))).toBe(true); // in the note, after 单车毛利
    expect(event.filter((t) => t.includes("边际贡献")).every((t) => !t.startsWith("边际贡献"))).toBe(true);
  });
});

describe("print set-up", () => {
  test.each(all.map((x) => [`${x.kind} ${x.lang}`, x] as const))("%s: every sheet prints", (_id, x) => {
    const spec = buildTemplate(x.kind, { lang: x.lang, dealerName: "星辰汽车 & Co" });
    for (const s of spec.sheets) {
      const p = s.print;
      expect([s.key, p?.orientation]).toEqual([s.key, expect.stringMatching(/^(portrait|landscape)$/)]);
      expect(p?.footer).toBe("星辰汽车 & Co");
      // The print area holds every cell, merge and chart of the sheet.
      const area = parseRange(p?.area ?? "A1");
      const inside = (a: string) => {
        const c = parseCell(a);
        return (
          c.row >= area.row &&
          c.row < area.row + area.rows &&
          c.col >= area.col &&
          c.col < area.col + area.cols
        );
      };
      for (const a of flattenCells(s).keys()) expect([s.key, a, inside(a)]).toEqual([s.key, a, true]);
      for (const ch of s.charts ?? []) expect([ch.from, ch.to].every(inside)).toBe(true);
      if (p?.titleRows) expect(p.titleRows).toMatch(/^\d+:\d+$/);
      for (const r of p?.breaksAfter ?? []) expect(r).toBeLessThan(area.row + area.rows);
    }
  });

  test("wide sheets print landscape, the event and the budget summary portrait", () => {
    const o = (kind: TemplateKind) =>
      buildTemplate(kind, { lang: "en-US" }).sheets.map((s) => `${s.key}:${s.print?.orientation}`);
    expect(o("budget")).toEqual(["budget:landscape", "summary:portrait"]);
    expect(o("funnel")).toEqual(["funnel:landscape"]);
    expect(o("event")).toEqual(["event:portrait"]);
    expect(o("plan")).toEqual(["plan:landscape", "strategy:landscape"]);
  });
});

describe("validations", () => {
  test.each(all.map((x) => [`${x.kind} ${x.lang}`, x] as const))("%s: no cell has two rules", (_id, x) => {
    for (const s of x.spec.sheets) {
      const seen = new Map<string, string>();
      for (const v of s.validations)
        for (const a of rangeCells(v.range)) {
          expect([a, seen.get(a)]).toEqual([a, undefined]);
          seen.set(a, v.range);
        }
    }
  });
});
