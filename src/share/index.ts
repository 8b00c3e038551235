/**
 * "Prepare for sharing" without Office: the .xlsx path (CLI, the pane's browser preview, tests)
 * and the pure planning both paths share. The Office.js path is src/workbook/office-share.ts.
 */
export { prepareXlsx, restoreXlsx, scanXlsx, ShareError, SHARE_ERROR_TEXT } from "./xlsx";
export type { PrepareResult, ScanResult } from "./xlsx";
export { tagXlsx, isTaggedXlsx, manifestId, AUTO_SHOW, ADDIN_ID } from "./tag";
export type { TagOptions } from "./tag";
export { formatReport, REASON_MESSAGES, entryMessage, displayFormula } from "./report";
export type { ShareReport, ShareReportEntry, ShareAction, ShareReason } from "./report";
export { planCell, dealerCallsIn } from "./plan";
export type { CellPlan, FreezeReason, RewriteReason } from "./plan";
export { dealerIdOf, registerLocalizedNames, DEALER_IDS } from "./dealerNames";
