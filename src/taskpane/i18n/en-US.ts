// English strings of the task pane. zh-CN.ts must have exactly the same keys (the type enforces it).
export const enUS = {
  appTitle: "Dealer Marketing Power",
  appSubtitle: "Plans, budgets, events and funnels for your dealership",
  language: "Language",
  previewBanner:
    "Preview mode: no Excel host was found. Templates download as .xlsx files, and a plan workbook can be opened from disk and scored. Open the add-in in Excel to write into a workbook.",
  loadingHost: "Connecting to Excel…",
  tabsLabel: "Sections",
  tabTemplates: "Templates",
  tabScore: "Score",
  tabShare: "Share",
  tabHelp: "Help",
  dismiss: "Dismiss",
  errorTitle: "Something went wrong",
  loading: "Loading…",

  // Templates
  galleryHeading: "Choose a template",
  galleryIntro: "Pick one, fill a short form, and the pane writes it as a new sheet.",
  templatePlan: "Marketing plan",
  templatePlanDesc:
    "The twelve planning elements, targets, schedule and process control, with an optional five-part strategy outline.",
  templateBudget: "Whole-store marketing budget",
  templateBudgetDesc:
    "Twelve months of planned and actual spend by line, with ROI, cost per vehicle sold and variance.",
  templateEvent: "Event break-even",
  templateEventDesc:
    "Fixed and variable cost, margin and conversion: break-even buyers and attendees, profit, and a sensitivity table.",
  templateFunnel: "Funnel tracker",
  templateFunnelDesc:
    "Six stages by month and by salesperson, step rates, control lines, status and trend alerts, and the five event targets.",
  choose: "Use this template",
  back: "Back to the gallery",
  formHeading: "{template}: details",
  commonSection: "Dealership",
  specificSection: "This template",
  sheetLanguage: "Sheet language",
  langZh: "中文 (zh-CN)",
  langEn: "English (en-US)",
  optional: "Optional: leave empty to fill in on the sheet.",
  namesHint: "Names separated by commas, or how many rows to leave.",
  rateHint: "A rate from 0 to 1: type 0.53 or 53%. Optional.",
  yes: "Yes",
  no: "No",
  create: "Create sheet",
  download: "Download .xlsx",
  creating: "Writing the template…",
  created: "Created sheet “{sheet}”.",
  skippedFeatures: "This version of Excel could not add: {list}. The numbers and formulas are complete.",
  downloaded: "Downloaded {file}.",
  fixErrors: "Fix the marked fields first.",
  required: "Required",

  // Score
  scoreHeading: "Score a marketing plan",
  scoreIntroExcel: "Reads the plan in the open workbook and scores it against the eight-criterion rubric.",
  scoreIntroPreview: "Open a plan workbook (.xlsx) from disk to score it.",
  scoreActive: "Score the plan in this workbook",
  openFile: "Open a plan workbook…",
  scoring: "Scoring…",
  scoredFile: "Scored {file}.",
  total: "Total",
  criterion: "Criterion",
  autoScore: "Automatic",
  finalScore: "Final",
  evidence: "Evidence",
  evidenceValue: "{note} ({value})",
  evidenceAfterWhere: ": {note}",
  listSeparator: ", ",
  goToCell: "Select this cell in the sheet",
  suggestion: "Suggestion",
  noSuggestion: "Full marks — nothing to improve here.",
  noEvidence: "No evidence found.",
  override: "Override",
  overrideScore: "Score by a person (0–5)",
  overrideReason: "Reason",
  overrideReasonRequired: "Give a reason for the override.",
  overrideScoreInvalid: "Enter a whole number from 0 to 5.",
  applyOverride: "Apply override",
  clearOverride: "Remove override",
  cancel: "Cancel",
  overriddenBy: "Overridden: {score} (automatic {auto}) — {reason}",
  writeScorecard: "Write scorecard to a sheet",
  downloadScored: "Download the scored workbook",
  scorecardWritten: "Scorecard written to sheet “{sheet}”.",
  needsPerson: "Needs a person’s judgement",

  // Share
  shareHeading: "Share by email",
  shareIntro:
    "Prepares the workbook for people without the add-in: add-in formulas are rewritten as native Excel formulas or frozen as values. Restore brings the originals back.",
  prepare: "Prepare for sharing",
  restore: "Restore",
  preparing: "Preparing…",
  restoring: "Restoring…",
  rewrittenCells: "Rewritten as native formulas",
  frozenCells: "Frozen as values",
  restoredCells: "Restored cells",
  keptCells: "Kept with the recipient's edit",
  skippedCells: "Left as they were",
  brokenCells: "Could not be handled",
  nothingToChange: "Nothing needed changing: the workbook has no add-in formulas to rewrite.",
  openToRestore: "Open a prepared workbook to restore…",
  noCells: "None.",
  shareDone: "The workbook is ready to share.",
  restoreDone: "The original formulas are back.",
  sharePreviewNote:
    "Sharing rewrites the open workbook, so it needs Excel. In preview mode, open a workbook to prepare a downloadable copy.",
  openToShare: "Open a workbook to prepare…",
  downloadShared: "Download the prepared workbook",

  // Help
  helpHeading: "Help",
  helpIntro: "The add-in’s worksheet functions, with their arguments and examples:",
  helpFunctions: "Function reference (English)",
  helpFunctionsZh: "函数参考（中文）",
  helpKeyboard:
    "Keyboard: Tab moves between controls, arrow keys move between tabs, Enter or Space activates.",
  helpPreview:
    "Without Excel the pane runs in preview mode on .xlsx files; it works with WPS and LibreOffice files too.",

  // Errors from the host
  errCellEdit: "Excel is in cell-edit mode. Press Enter or Esc in the sheet, then try again.",
  errProtected: "The sheet or workbook is protected. Unprotect it (Review › Unprotect) and try again.",
  errRequirement:
    "This version of Excel lacks a feature the add-in needs ({set}). Update Office or use Excel on the web.",
  errGeneric: "Excel reported an error: {message}",
  errFile: "The file could not be read as an .xlsx workbook: {message}",
  errUnavailable: "This feature has not been installed in this build.",
} as const;

export type StringKey = keyof typeof enUS;
export type Strings = { readonly [K in StringKey]: string };
