import {
  buildTemplate,
  commonFields,
  templateKinds,
  TemplateOptionsError,
  validateOptions,
  withNamedValue,
} from "../../src/templates";
import { monthLabels } from "../../src/templates/i18n";
import { rangeCells } from "../../src/core/a1";
import { LANGS } from "../../src/core/lang";
import { flattenCells, isFormula, type TemplateKind } from "../../src/templates/spec";
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
    "Event_Profit",
  ],
  budget: [
    "Budget_Margin",
    "Budget_TotalPlanned",
    "Budget_TotalActual",
    "Budget_TotalRevenue",
    "Budget_TotalVehicles",
    "Budget_ROI",
    "Budget_CostPerSale",
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
          expect([addr, c.replace(/"[^"]*"/g, "")]).not.toEqual([addr, expect.stringContaining("!")]);
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
    expect([cells.get("C2"), cells.get("E2"), cells.get("A1")]).toEqual(["华东汽车", "BMW", "营销计划 2027"]);
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

  test("buildTemplate refuses options with errors", () => {
    expect(() => buildTemplate("event", { lang: "en-US", event: { conversionRate: 2 } })).toThrow(
      TemplateOptionsError,
    );
  });

  test("salespeople by name fill the rows", () => {
    const spec = buildTemplate("funnel", { lang: "en-US", funnel: { salespeople: ["Li", "Wang"] } });
    const cells = flattenCells(spec.sheets[0]);
    expect([cells.get("A41"), cells.get("A42")]).toEqual(["Li", "Wang"]);
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
