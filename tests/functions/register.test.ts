import { domainError } from "../../src/core";
import { toExcelError, toExcelResult } from "../../src/functions/excelErrors";
import { registerCustomFunctions } from "../../src/functions/register";
import { FUNCTIONS, labelsOf } from "../../src/functions/registry";
import { installCustomFunctionsDouble, shown, uninstallCustomFunctionsDouble } from "./customFunctionsDouble";

describe("registration outside and inside Office", () => {
  afterEach(() => uninstallCustomFunctionsDouble());
  it("does nothing and does not throw where CustomFunctions does not exist (browser preview)", async () => {
    uninstallCustomFunctionsDouble();
    await expect(registerCustomFunctions()).resolves.toBe(false);
  });
  it("loads the functions where the runtime exists", async () => {
    installCustomFunctionsDouble();
    await expect(registerCustomFunctions()).resolves.toBe(true);
  });
});

describe("domain error → CustomFunctions.Error", () => {
  beforeAll(() => installCustomFunctionsDouble());
  afterAll(() => uninstallCustomFunctionsDouble());
  it("maps each code, with a message only where Excel shows one", () => {
    expect(shown(toExcelError(domainError("notNumber", "cost"), "en-US"))).toEqual({
      code: "#VALUE!",
      message: "cost: text or a logical value where a number belongs.",
    });
    expect(
      shown(toExcelError(domainError("blank", "cost"), "zh-CN", labelsOf(FUNCTIONS.COST_PER_SALE))),
    ).toEqual({
      code: "#N/A",
      message: expect.stringContaining("营销成本"),
    });
    expect(shown(toExcelError(domainError("negative", "cost"), "en-US"))).toEqual({ code: "#NUM!" });
    expect(shown(toExcelError(domainError("divideByZero", "cost"), "en-US"))).toEqual({ code: "#DIV/0!" });
  });
  it("throws a whole-call error and keeps element errors in place", () => {
    expect(() => toExcelResult(domainError("shapeMismatch", "cost"), undefined, "en-US")).toThrow();
    const out = toExcelResult([[1, domainError("negative", "cost")]], undefined, "en-US");
    expect(out[0][0]).toBe(1);
    expect(shown(out[0][1])).toEqual({ code: "#NUM!" });
  });
});
