import { describeError, FileReadError, RequirementError, UnavailableError } from "../../src/taskpane/errors";
import { strings } from "../../src/taskpane/i18n";
import { brokenView, shareView } from "../../src/taskpane/services/share";
import { fileNameOf, templateForm, toOptions, validate } from "../../src/taskpane/services/templates";
import { FEATURE_KEYS, featureList } from "../../src/taskpane/i18n/features";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { safeFileName } from "../../src/core/file-name";
import { commonFields, INPUT_MESSAGES, templateKinds } from "../../src/templates";
import { emptyPlan, isRubricError, scorePlan } from "../../src/core/rubric";
import { overrideScore } from "../../src/taskpane/services/scoring";
import { WorkbookError } from "../../src/workbook/port";
import { firstLoadScripts, firstLoadStyles } from "../../bench/first-load";

describe("template form bridge", () => {
  test("the form shows the templates module's fields, labelled in the pane's language", () => {
    for (const k of templateKinds) {
      const view = templateForm(k.kind, "zh-CN", new Date(2026, 0, 1));
      expect(view.common.map((f) => f.key)).toEqual([...commonFields.map((f) => f.field), "lang"]);
      expect(view.specific.map((f) => f.key)).toEqual(k.fields.map((f) => f.field));
      expect(view.specific.map((f) => f.label)).toEqual(k.fields.map((f) => f.label["zh-CN"]));
    }
    expect(
      templateForm("event", "en-US", new Date(2026, 0, 1)).common.find((f) => f.key === "year")?.defaultValue,
    ).toBe(2026);
  });

  test("typed text becomes options: numbers, empty as undefined, names split", () => {
    const o = toOptions("event", {
      lang: "en-US",
      currency: "$",
      year: "2027",
      firstMonth: "4",
      dealerName: "  Star Motors ",
      "event.fixedCost": "460,000",
      "event.variableCost": "",
      "event.conversionRate": "0.5",
    });
    expect(o).toMatchObject({
      lang: "en-US",
      currency: "$",
      year: 2027,
      firstMonth: 4,
      dealerName: "Star Motors",
    });
    expect(o.event).toEqual({ fixedCost: 460000, conversionRate: 0.5 });
    expect(
      toOptions("funnel", { lang: "zh-CN", "funnel.salespeople": "李明, 王芳、赵强" }).funnel?.salespeople,
    ).toEqual(["李明", "王芳", "赵强"]);
    expect(toOptions("funnel", { lang: "zh-CN", "funnel.salespeople": "12" }).funnel?.salespeople).toBe(12);
    expect(toOptions("plan", { lang: "zh-CN", "plan.strategyOutline": "no" }).plan?.strategyOutline).toBe(
      false,
    );
  });

  test("numbers are read as the command line reads them: 53%, 1，500, full-width digits, 46万", () => {
    const o = toOptions("event", {
      lang: "zh-CN",
      "event.fixedCost": "46万",
      "event.variableCost": "1，500",
      "event.margin": "１００００",
      "event.conversionRate": " 53% ",
      "event.attendees": "120",
    });
    expect(o.event).toEqual({
      fixedCost: 460000,
      variableCost: 1500,
      margin: 10000,
      conversionRate: 0.53,
      attendees: 120,
    });
    expect(validate("event", { lang: "zh-CN", "event.conversionRate": "53%" }, "en-US").errors).toEqual({});
  });

  test("text that is not a number gets the reader's reason, in the pane's language", () => {
    const en = validate(
      "event",
      { lang: "en-US", "event.attendees": "0x10", "event.fixedCost": "1,5", "event.margin": "1e3" },
      "en-US",
    );
    expect(en.errors).toEqual({
      "event.attendees": INPUT_MESSAGES.notNumber["en-US"],
      "event.fixedCost": INPUT_MESSAGES.grouping["en-US"],
      "event.margin": INPUT_MESSAGES.notNumber["en-US"],
    });
    expect(validate("event", { lang: "zh-CN", "event.attendees": "12abc" }, "zh-CN").errors).toEqual({
      "event.attendees": INPUT_MESSAGES.notNumber["zh-CN"],
    });
  });

  test("an override is read by the same reader, then checked by the engine", () => {
    const score = scorePlan(emptyPlan());
    const set = overrideScore(score, 3, "４", "checked");
    expect(isRubricError(set) ? set : set.overrides[3]).toEqual({ score: 4, reason: "checked" });
    const bad = overrideScore(score, 3, "4x", "checked");
    expect(isRubricError(bad) && bad.reason).toEqual(INPUT_MESSAGES.notNumber);
    const empty = overrideScore(score, 3, "", "checked");
    expect(isRubricError(empty) && empty.reason["en-US"]).toMatch(/between 0 and 5/);
  });

  test("validation comes from the templates module, per field, in the pane's language", () => {
    const bad = validate("event", { lang: "zh-CN", "event.conversionRate": "abc", year: "1999" }, "en-US");
    expect(Object.keys(bad.errors).sort()).toEqual(["event.conversionRate", "year"]);
    expect(bad.errors.year).toMatch(/2000/);
    const zh = validate("event", { lang: "zh-CN", year: "1999" }, "zh-CN");
    expect(zh.errors.year).toMatch(/年份/);
    // Never breaking even is a warning: shown, not blocking.
    const warn = validate(
      "event",
      { lang: "en-US", "event.variableCost": "2000", "event.margin": "1000", "event.conversionRate": "0.5" },
      "en-US",
    );
    expect(warn.errors).toEqual({});
    expect(Object.keys(warn.warnings)).toEqual(["event.conversionRate"]);
  });
});

describe("errors for the message bar", () => {
  const t = strings("en-US");
  test("Excel's codes a user can act on get their own advice", () => {
    expect(describeError({ code: "InvalidOperationInCellEditMode", message: "x" }, t, "en-US")).toBe(
      t.errCellEdit,
    );
    expect(describeError({ code: "AccessDenied", message: "x" }, t, "en-US")).toBe(t.errProtected);
    expect(describeError(new RequirementError("ExcelApi 1.4"), t, "en-US")).toContain("ExcelApi 1.4");
    expect(describeError(new UnavailableError("x"), t, "en-US")).toBe(t.errUnavailable);
    expect(describeError(new FileReadError("not a zip"), t, "en-US")).toContain("not a zip");
  });

  test("adapter errors speak the pane's language; anything else is shown with its code", () => {
    const e = new WorkbookError("Conflict", { "zh-CN": "冲突", "en-US": "conflict" });
    expect(describeError(e, strings("zh-CN"), "zh-CN")).toBe("冲突");
    expect(
      describeError(Object.assign(new Error("boom"), { code: "GeneralException" }), t, "en-US"),
    ).toContain("GeneralException: boom");
  });
});

describe("small helpers", () => {
  test("share report grouped by action, sheet names quoted where needed", () => {
    const msg = { "en-US": "done", "zh-CN": "完成" };
    const view = shareView(
      {
        rewritten: 1,
        frozen: 1,
        restored: 0,
        kept: 0,
        skipped: 0,
        broken: 0,
        changed: true,
        entries: [
          {
            sheet: "Inputs",
            address: "B2",
            original: "=DEALER.ROI(A1,A2)",
            action: "rewritten",
            reason: "scalar",
            message: msg,
          },
          {
            sheet: "活动 保本",
            address: "C5",
            range: "C5:C9",
            original: "=X()",
            action: "frozen",
            reason: "scalar",
            message: msg,
          },
          {
            sheet: "Inputs",
            address: "D4",
            original: "=DEALER.ROI(A1,A3)",
            action: "kept",
            reason: "changedSincePrepared",
            message: msg,
          },
        ],
      },
      "zh-CN",
    );
    expect(view.rewritten).toEqual([{ cell: "Inputs!B2", original: "=DEALER.ROI(A1,A2)", message: "完成" }]);
    expect(view.frozen.map((c) => c.cell)).toEqual(["'活动 保本'!C5:C9"]);
    // A restore's kept cells (the recipient's edits) are listed on their own, never dropped.
    expect(view.kept.map((c) => c.cell)).toEqual(["Inputs!D4"]);
    expect(view.restored).toEqual([]);
  });

  test("a broken-cell scan lists the broken cells as typed, with the counts and the tag", () => {
    const entry = {
      sheet: "预算",
      address: "C1",
      original: "=_xldudf_DEALER_ROI(B1,B2)",
      action: "broken" as const,
      reason: "savedWithoutAddin" as const,
      message: { "en-US": "broken", "zh-CN": "已损坏" },
    };
    const report = { rewritten: 0, frozen: 0, restored: 0, kept: 0, skipped: 0, broken: 1, changed: false };
    const view = brokenView(
      { dealerCells: 3, prepared: false, report: { ...report, entries: [entry] } },
      "en-US",
      true,
    );
    expect(view).toEqual({
      dealerCells: 3,
      prepared: false,
      tagged: true,
      broken: [{ cell: "预算!C1", original: "=DEALER.ROI(B1,B2)", message: "broken" }],
    });
    expect(
      "tagged" in brokenView({ dealerCells: 0, prepared: true, report: { ...report, entries: [] } }, "zh-CN"),
    ).toBe(false);
  });

  test("file names keep CJK and lose characters Windows refuses", () => {
    expect(safeFileName("活动保本分析")).toBe("活动保本分析.xlsx");
    expect(safeFileName('a/b:c*?"<>|')).toBe("a b c.xlsx");
    expect(safeFileName("  ")).toBe("workbook.xlsx");
  });

  test("the bench finds every script of the page, office.js and what the boot script loads", () => {
    const html =
      "<script defer src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><div id=root></div>" +
      '<script data-after-office="functions.js" data-after-paint="commands.js  taskpane.js">boot()</script>';
    expect(firstLoadScripts(html)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "commands.js",
      "taskpane.js",
    ]);
    // The sheet the boot script appends is not a script; it is counted with the page's own sheets.
    const styled = html.replace("boot()", "").replace('">', '" data-after-paint-styles="taskpane.css">');
    expect(firstLoadScripts(styled)).toEqual(firstLoadScripts(html));
    expect(
      firstLoadStyles(`<link href=a.css rel=stylesheet><link rel="preload" href="b.js">${styled}`),
    ).toEqual(["a.css", "taskpane.css"]);
    // The older page, with <script src> tags of its own, reads the same way.
    expect(firstLoadScripts('<script src=a.js></script><script defer="defer" src="b.js"></script>')).toEqual([
      "a.js",
      "b.js",
    ]);
  });
});

describe("names and phrases a user sees", () => {
  test("a downloaded template is named from the template, dealer and year", () => {
    expect(fileNameOf("plan", { lang: "zh-CN", dealerName: " 杭州西湖丰田4S店 ", year: "2026" })).toBe(
      "营销计划-杭州西湖丰田4S店-2026.xlsx",
    );
    expect(fileNameOf("event", { lang: "en-US", dealerName: "A/B: Motors?", year: "２０２７" })).toBe(
      "Event break-even-A B Motors-2027.xlsx",
    );
    // No dealer: template and year; no year typed: this year, as the sheet shows it.
    expect(fileNameOf("budget", { lang: "zh-CN", year: "2026" })).toBe("全店营销投放预算-2026.xlsx");
    expect(fileNameOf("funnel", { lang: "zh-CN" })).toBe(
      `集客漏斗与过程控制-${new Date().getFullYear()}.xlsx`,
    );
  });

  test("file names never hold what Windows refuses: reserved names, trailing dots, over-long names", () => {
    expect(safeFileName("CON")).toBe("_CON.xlsx");
    expect(safeFileName("plan...")).toBe("plan.xlsx");
    expect([...safeFileName("经".repeat(300))].length).toBe(120 + ".xlsx".length);
  });

  test("every feature the Office adapter can skip has a phrase in both languages", () => {
    // The adapter's skips are in office.ts (names, used ranges) and office-write.ts (a sheet's features).
    const adapter = ["office.ts", "office-write.ts"]
      .map((f) => readFileSync(join(__dirname, "../../src/workbook", f), "utf8"))
      .join("\n");
    const keys = [...adapter.matchAll(/skipped\.add\("(\w+)"\)/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(5);
    expect([...FEATURE_KEYS].sort()).toEqual([...new Set(keys)].sort());
    expect(featureList(["dataValidation", "freezePanes"], "zh-CN")).toBe("数据验证、冻结窗格");
    expect(featureList(["dataValidation", "freezePanes"], "en-US")).toBe("data validation, frozen panes");
    expect(featureList(["somethingNew"], "en-US")).toBe("other formatting");
  });
});
