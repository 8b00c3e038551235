import { luminance, parseOverrides, resolveEnvironment, themeFromOffice } from "../../src/taskpane/env";
import { fill, langFromLocale } from "../../src/taskpane/i18n";

describe("environment", () => {
  test("query overrides accept only the known values", () => {
    expect(parseOverrides("?lang=zh-CN&theme=dark")).toEqual({ lang: "zh-CN", theme: "dark" });
    expect(parseOverrides("?lang=fr-FR&theme=blue")).toEqual({});
    expect(parseOverrides("")).toEqual({});
  });

  test("any Chinese locale picks the Chinese table, anything else English", () => {
    expect(langFromLocale("zh-CN")).toBe("zh-CN");
    expect(langFromLocale("zh-TW")).toBe("zh-CN");
    expect(langFromLocale("zh")).toBe("zh-CN");
    expect(langFromLocale("en-GB")).toBe("en-US");
    expect(langFromLocale("de-DE")).toBe("en-US");
    expect(langFromLocale(undefined)).toBe("en-US");
  });

  test("Office themes: dark grey and black are dark, white and colourful are light", () => {
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" }, "light")).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#000000" }, "light")).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#ffffff" }, "dark")).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "#E6E6E6" }, "dark")).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "#fff", isDarkTheme: true }, "light")).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "not a colour" }, "dark")).toBe("dark");
    expect(themeFromOffice(undefined, "light")).toBe("light");
  });

  test("luminance is 0 for black, 1 for white and undefined for junk", () => {
    expect(luminance("#000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1, 10);
    expect(luminance("rgb(1,2,3)")).toBeUndefined();
  });

  test("host, language and theme: overrides beat Office, Office beats the browser", () => {
    const base = {
      overrides: {},
      officeHost: "Excel",
      displayLanguage: "zh-CN",
      browserLanguage: "en-US",
      officeTheme: { bodyBackgroundColor: "#262626" },
      prefersDark: false,
    };
    expect(resolveEnvironment(base)).toEqual({ host: "excel", lang: "zh-CN", theme: "dark" });
    expect(resolveEnvironment({ ...base, overrides: { lang: "en-US", theme: "light" } })).toEqual({
      host: "excel",
      lang: "en-US",
      theme: "light",
    });
    expect(
      resolveEnvironment({ ...base, officeHost: null, displayLanguage: undefined, prefersDark: true }),
    ).toEqual({
      host: "preview",
      lang: "en-US",
      theme: "dark",
    });
  });

  test("format fills placeholders and leaves unknown ones visible", () => {
    expect(fill("{a} of {b}", { a: 1, b: "two" })).toBe("1 of two");
    expect(fill("{a} {missing}", { a: "x" })).toBe("x {missing}");
  });
});
