import {
  ARGUMENT_LABELS,
  describe as describeError,
  domainError,
  LANGS,
  langFromLocale,
  REASON_CODES,
  REASON_TEXT,
  type Reason,
} from "../../src/core";

describe("error messages", () => {
  const reasons = Object.keys(REASON_CODES) as Reason[];
  it("has a text for every reason in every language, naming the argument", () => {
    for (const reason of reasons) {
      for (const lang of LANGS) {
        expect(REASON_TEXT[reason][lang]).toContain("{arg}");
        const text = describeError(domainError(reason, "fixed_cost"), lang);
        expect(text).toContain(ARGUMENT_LABELS.fixed_cost[lang]);
        expect(text).not.toContain("{arg}");
      }
    }
  });
  it("writes zh-CN texts in Chinese", () => {
    for (const reason of reasons) expect(REASON_TEXT[reason]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
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
