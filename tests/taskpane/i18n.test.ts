import { enUS } from "../../src/taskpane/i18n/en-US";
import { batchStrings } from "../../src/taskpane/i18n/batch";
import { shareStrings } from "../../src/taskpane/i18n/share";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { templateKinds } from "../../src/templates";

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Chinese text, or a pattern of placeholders and full-width punctuation only ("{note}（{value}）"). */
const chinese = (s: string): boolean =>
  /\p{Script=Han}/u.test(s) || /^[\s，、：；（）「」。]*$/u.test(s.replace(/\{\w+\}/g, ""));

/** Half-width , : ; ( ) in Chinese text, ignoring those inside Latin runs ("0–5", "(zh-CN)", "ExcelApi 1.4"). */
const halfWidthInChinese = (s: string): string[] =>
  [...s.matchAll(/(?<=[\p{Script=Han}，。])\s*[,:;()]|[,:;()]\s*(?=[\p{Script=Han}])/gu)].map((m) => m[0]);

describe("the pane's strings", () => {
  test("both tables have the same keys, none empty", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(enUS).sort());
    for (const [key, value] of [...Object.entries(enUS), ...Object.entries(zhCN)]) {
      expect({ key, empty: value.trim() === "" }).toEqual({ key, empty: false });
    }
  });

  test("each translation keeps the same placeholders", () => {
    for (const key of Object.keys(enUS) as (keyof typeof enUS)[]) {
      expect({ key, p: placeholders(zhCN[key]) }).toEqual({ key, p: placeholders(enUS[key]) });
    }
  });

  test("the Chinese table is Chinese where it is not a proper name", () => {
    const english = ["helpFunctions", "langEn"];
    for (const [key, value] of Object.entries(zhCN)) {
      if (!english.includes(key)) expect({ key, chinese: chinese(value) }).toEqual({ key, chinese: true });
    }
  });

  test("Chinese punctuation is full-width; the English table's is not", () => {
    for (const [key, value] of Object.entries(zhCN))
      if (/\p{Script=Han}/u.test(value))
        expect({ key, halfWidth: halfWidthInChinese(value) }).toEqual({ key, halfWidth: [] });
    for (const [key, value] of Object.entries(enUS))
      if (!/\p{Script=Han}/u.test(value))
        expect({ key, fullWidth: /[，：；（）]/.test(value) }).toEqual({ key, fullWidth: false });
  });

  test("the gallery names the templates as the templates module does", () => {
    const keys = {
      plan: "templatePlan",
      budget: "templateBudget",
      event: "templateEvent",
      funnel: "templateFunnel",
    } as const;
    for (const k of templateKinds) {
      expect(enUS[keys[k.kind]]).toBe(k.title["en-US"]);
      expect(zhCN[keys[k.kind]]).toBe(k.title["zh-CN"]);
    }
  });
});

describe("the Score page's batch strings", () => {
  const en = batchStrings("en-US");
  const zh = batchStrings("zh-CN");

  test("both languages have the same keys and placeholders, none empty, Chinese in Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, p: placeholders(zh[key]) }).toEqual({ key, p: placeholders(en[key]) });
      expect({ key, empty: en[key].trim() === "" || zh[key].trim() === "" }).toEqual({ key, empty: false });
      expect({ key, chinese: chinese(zh[key]), half: halfWidthInChinese(zh[key]) }).toEqual({
        key,
        chinese: true,
        half: [],
      });
    }
  });
});

describe("the Share page's check strings", () => {
  const en = shareStrings("en-US");
  const zh = shareStrings("zh-CN");

  test("both languages have the same keys and placeholders, none empty", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, p: placeholders(zh[key]) }).toEqual({ key, p: placeholders(en[key]) });
      expect({ key, empty: en[key].trim() === "" || zh[key].trim() === "" }).toEqual({ key, empty: false });
    }
  });

  test("the Chinese table is Chinese, with full-width punctuation", () => {
    for (const [key, value] of Object.entries(zh))
      expect({ key, han: /\p{Script=Han}/u.test(value), half: halfWidthInChinese(value) }).toEqual({
        key,
        han: true,
        half: [],
      });
  });
});
