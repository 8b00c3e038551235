import type { Lang } from "../../src/core/lang";
import {
  describe as describeError,
  domainError,
  LANGS,
  langFromLocale,
  REASON_CODES,
  REASON_TEXT,
  type Reason,
} from "../../src/core";

const LABEL = { "en-US": "fixed_cost", "zh-CN": "固定成本" } as const;
const labels = (argument: string, lang: Lang): string | undefined =>
  argument === "fixed_cost" ? LABEL[lang] : undefined;

describe("error messages", () => {
  const reasons = Object.keys(REASON_CODES) as Reason[];
  it("has a text for every reason in every language, naming the argument by the caller's label", () => {
    for (const reason of reasons) {
      for (const lang of LANGS) {
        expect(REASON_TEXT[reason][lang]).toContain("{arg}");
        const text = describeError(domainError(reason, "fixed_cost"), lang, labels);
        expect(text).toContain(LABEL[lang]);
        expect(text).not.toContain("{arg}");
      }
    }
  });
  it("writes zh-CN texts in Chinese, with full-width punctuation", () => {
    for (const reason of reasons) {
      const zh = REASON_TEXT[reason]["zh-CN"];
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toMatch(/[,;:()]/);
    }
  });
  it("picks zh-CN for any Chinese display language", () => {
    expect(langFromLocale("zh-CN")).toBe("zh-CN");
    expect(langFromLocale("zh-TW")).toBe("zh-CN");
    expect(langFromLocale("en-GB")).toBe("en-US");
    expect(langFromLocale(undefined)).toBe("en-US");
  });
  it("falls back to the raw argument name when it has no label", () => {
    expect(describeError(domainError("negative", "foo"), "en-US")).toBe("foo: must not be negative.");
  });
});
