// The Excel host served in place of office.js: Office.onReady reports Excel, and Excel.run hands the
// batch THE strict Excel double of tests/support/excel-double.ts (the one the unit tests use): a
// workbook in memory that queues requests until sync, throws on properties that were not loaded,
// and counts runs and syncs. window.__excelDouble is its state (plain data, read by doubleState).
//
// installExcelDouble runs IN THE PAGE: it is serialized with Function.prototype.toString, so it
// must not use anything from its module scope; the double's factory is serialized beside it and
// passed in as `create`.
import {
  createExcelDouble,
  type DoubleSeed,
  type DoubleState,
  type SeedCell,
} from "../../support/excel-double";

export type { DoubleState, SeedCell };

export interface ExcelSeed extends DoubleSeed {
  /** Highest ExcelApi requirement set the fake host supports, e.g. "1.12". */
  readonly api: string;
  readonly displayLanguage: string;
  readonly bodyBackgroundColor: string;
  readonly sheets: readonly { readonly name: string; readonly rows: readonly (readonly SeedCell[])[] }[];
  /** When set, every Excel.run fails with this OfficeExtension error code. */
  readonly failCode?: string;
  /** When set, Office.onReady answers only after this many milliseconds (a slow CDN, a cold start). */
  readonly readyAfterMs?: number;
}

export function installExcelDouble(
  seed: ExcelSeed,
  create: typeof createExcelDouble = createExcelDouble,
): void {
  const double = create(seed);
  const context = {
    document: { settings: double.settings },
    requirements: { isSetSupported: (name: string, v = "1.1") => double.isSetSupported(name, v) },
    displayLanguage: seed.displayLanguage,
    officeTheme: {
      bodyBackgroundColor: seed.bodyBackgroundColor,
      bodyForegroundColor: "#ffffff",
      controlBackgroundColor: seed.bodyBackgroundColor,
      controlForegroundColor: "#ffffff",
    },
  };
  const info = { host: "Excel", platform: "PC" };
  const w = window as unknown as Record<string, unknown>;
  w.__excelDouble = double.state;
  w.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context,
    onReady: (callback?: (i: typeof info) => void) => {
      const answer = () => {
        callback?.(info);
        return info;
      };
      if (seed.readyAfterMs === undefined) return Promise.resolve(answer());
      return new Promise((resolve) => setTimeout(() => resolve(answer()), seed.readyAfterMs));
    },
  };
  w.Excel = {
    ClearApplyTo: { contents: "Contents", all: "All", formats: "Formats" },
    run: double.run,
  };
}

export function excelStub(seed: ExcelSeed): string {
  return `(${installExcelDouble.toString()})(${JSON.stringify(seed)}, ${createExcelDouble.toString()});`;
}
