// How every Office.js adapter runs a batch: the requirement sets it checks first, the retry while the
// user is typing in a cell, and Excel's error codes turned into messages in both languages.
import { WorkbookError } from "./port";
import type { OfficeHost, XContext } from "./office-model";

// ---- Requirement sets the adapter checks before it uses an API. The manifest's SharedRuntime 1.1
// admits only Microsoft 365 Version 2002+, Excel 2021, Mac 16.35+ and Excel on the web, all with
// ExcelApi 1.10 or later, so in a real host none of these checks fails and nothing is skipped; Excel
// 2016 perpetual (ExcelApi 1.1 only) never loads the add-in. The checks and WriteResult.skipped stay
// as the adapter's contract with a host it cannot vouch for (the doubles at older versions test it).
export const API = {
  format: "1.2", // column width, wrap text, merge
  names: "1.4", // workbook.names.add
  usedRangeOrNull: "1.4",
  freeze: "1.7",
  validation: "1.8",
  charts: "1.1",
  chartCategories: "1.7",
  conditionalFormats: "1.6",
  hyperlinks: "1.7",
  pageLayout: "1.9",
} as const;

// ---- Errors: Excel's codes turned into messages a user can act on, in both languages.
const CELL_EDIT = "InvalidOperationInCellEditMode";

const messages: Record<string, { "zh-CN": string; "en-US": string }> = {
  [CELL_EDIT]: {
    "zh-CN": "Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。",
    "en-US": "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  AccessDenied: {
    "zh-CN": "工作簿或工作表受保护，无法写入。请撤销保护后重试。",
    "en-US": "The workbook or sheet is protected, so nothing can be written. Unprotect it and try again.",
  },
  ItemAlreadyExists: {
    "zh-CN": "工作簿中已有同名的工作表或名称。请重试；加载项会另取一个名称。",
    "en-US": "A sheet or name with that name already exists. Try again; the add-in picks another name.",
  },
  ApiNotFound: {
    "zh-CN": "此版本的 Excel 不支持此操作所需的功能。请更新 Office 后重试。",
    "en-US": "This version of Excel lacks a feature this needs. Update Office and try again.",
  },
  InsertDeleteConflict: {
    "zh-CN": "其他操作正在修改工作簿。请稍候重试。",
    "en-US": "Something else is changing the workbook. Wait a moment and try again.",
  },
};

function errorCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Any failure of a run as a WorkbookError the pane can show. */
export function toWorkbookError(e: unknown): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const code = errorCode(e) ?? "Unknown";
  const detail = e instanceof Error ? e.message : String(e);
  const known = messages[code];
  return new WorkbookError(
    code,
    known ?? {
      "zh-CN": `Excel 无法完成操作（${code}）：${detail}`,
      "en-US": `Excel could not complete the operation (${code}): ${detail}`,
    },
    e,
  );
}

export interface RetryPolicy {
  /** Delays before each retry, in ms; the run is tried once more than there are delays. */
  readonly delays: readonly number[];
  readonly sleep: (ms: number) => Promise<void>;
}

/** The one retry policy of every Office batch (templates, reading, sharing). */
export const DEFAULT_RETRY: RetryPolicy = {
  delays: [250, 500, 1000, 2000],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * THE way into Excel for every adapter: runs a batch on the host, retrying the whole batch while
 * Excel is in cell-edit mode; any failure comes out as a WorkbookError (one already thrown as such,
 * e.g. the share adapter's refusals, passes through as it is).
 */
export async function runBatch<T>(
  host: OfficeHost,
  retry: RetryPolicy,
  batch: (context: XContext) => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await host.run(batch);
    } catch (e) {
      if (errorCode(e) === CELL_EDIT && attempt < retry.delays.length) {
        await retry.sleep(retry.delays[attempt]);
        continue;
      }
      throw toWorkbookError(e);
    }
  }
}
