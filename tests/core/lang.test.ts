import { fill, langFromEnv, langFromLocale } from "../../src/core/lang";
import { isoToSerial, serialToIso } from "../../src/core/dates";

describe("the language of a command-line run", () => {
  test("POSIX order: LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(langFromEnv({ LANG: "zh_CN.UTF-8", LC_ALL: "en_US.UTF-8" })).toBe("en-US");
    expect(langFromEnv({ LANG: "en_US.UTF-8", LC_MESSAGES: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(langFromEnv({ LANG: "zh_CN.UTF-8", LC_ALL: "" })).toBe("zh-CN");
    expect(langFromEnv({})).toBe("en-US");
  });
  test("locales", () => {
    expect(langFromLocale("zh-TW")).toBe("zh-CN");
    expect(langFromLocale("de-DE")).toBe("en-US");
    expect(langFromLocale("C")).toBe("en-US");
    expect(langFromLocale("zh_CN.UTF-8")).toBe("zh-CN");
  });
  test("placeholders", () => {
    expect(fill("{n}/{total} {x}", { n: 3, total: 10 })).toBe("3/10 {x}");
  });
});

describe("Excel's date serials", () => {
  test("known days", () => {
    expect(isoToSerial("2026-04-18")).toBe(46130);
    expect(serialToIso(46130)).toBe("2026-04-18");
    expect(serialToIso(46130.75)).toBe("2026-04-18");
    expect(serialToIso(61)).toBe("1900-03-01");
  });
});
