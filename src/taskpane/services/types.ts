// The pane's view of the rest of the add-in. Components only see these types and a PaneServices
// object; the Excel and preview implementations (loaded on demand) adapt the templates, scoring and
// sharing modules to them. Nothing here decides a business rule.
import type { TemplateKind } from "../../templates/spec";
import type { Lang } from "../i18n";
import type { HostKind } from "../env";
// Types only: the engine itself is loaded with the scoring UI.
import type { CriterionId, Localized, PlanScore, RubricError } from "../../core/rubric";

export type { TemplateKind };
export const TEMPLATE_KINDS: readonly TemplateKind[] = ["plan", "budget", "event", "funnel"];

export type FieldValue = string | number;

/** One input of a template's form, as the templates module describes it. */
export interface InputFieldView {
  readonly key: string;
  readonly label: string;
  /** "number" fields are typed as text and read by the templates module's number reader. */
  readonly type: "text" | "number" | "select";
  readonly defaultValue: FieldValue;
  readonly unit?: string;
  readonly hint?: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

export interface TemplateFormView {
  readonly kind: TemplateKind;
  /** Common dealership fields first (dealer name, brand, …), then the template's own. */
  readonly common: readonly InputFieldView[];
  readonly specific: readonly InputFieldView[];
}

export type FormValues = Readonly<Record<string, FieldValue>>;

/** Reasons keyed by field key, already in the pane's language. */
export type FieldErrors = Readonly<Record<string, string>>;

/** Errors block creation; warnings (e.g. an event that never breaks even) are shown but do not. */
export interface Validation {
  readonly errors: FieldErrors;
  readonly warnings: FieldErrors;
}

export type CreateResult =
  | { readonly kind: "sheet"; readonly sheet: string; readonly skipped?: readonly string[] }
  | { readonly kind: "download"; readonly file: string };

/** A scored plan: the engine's own result (overrides included), and where it came from. */
export interface ScoreResult {
  /** Sheet or file name, for the heading. */
  readonly source: string;
  readonly score: PlanScore;
}

/** One cell of a sharing report: where, and what happened to it, in the pane's language. */
export interface ShareCellView {
  readonly cell: string;
  readonly original: string;
  readonly message: string;
}

export interface ShareReportView {
  readonly rewritten: readonly ShareCellView[];
  readonly frozen: readonly ShareCellView[];
  readonly restored: readonly ShareCellView[];
  /** Restore: cells the recipient changed after preparing, kept with their edit. */
  readonly kept: readonly ShareCellView[];
  /** Cells left as they were (e.g. restoring a cell the user has changed since). */
  readonly skipped: readonly ShareCellView[];
  /** Cells that could not be handled (e.g. no cached value to freeze). */
  readonly broken: readonly ShareCellView[];
  /** False when the workbook needed no change. */
  readonly changed: boolean;
  /** Preview mode: the downloaded file. */
  readonly file?: string;
}

/** Broken DEALER cells (#NAME? or saved as _xldudf_…) found in the open workbook or a received file. */
export interface BrokenScanView {
  /** Cells whose formula calls a DEALER function. */
  readonly dealerCells: number;
  /** The workbook carries a share record (prepared, not yet restored). */
  readonly prepared: boolean;
  readonly broken: readonly ShareCellView[];
  /** Excel: the document opens this pane by itself. */
  readonly tagged?: boolean;
}

/** One plan of a batch, for the ranked table and its details. */
export interface BatchPlan {
  /** The file's name (its path inside a picked folder): the plan's key within the batch. */
  readonly file: string;
  readonly dealer: string;
  /** The engine's score, a person's overrides included. */
  readonly score: PlanScore;
  /** What to fix first (the scoring module's choice), null at full marks. */
  readonly top: { readonly criterion: CriterionId; readonly suggestion: Localized } | null;
}

/** A file of the batch that could not be scored, with the scoring's reason in both languages. */
export interface BatchFailure {
  readonly file: string;
  readonly reason: Localized;
}

export interface BatchView {
  /** Best first. */
  readonly plans: readonly BatchPlan[];
  readonly failures: readonly BatchFailure[];
  /** Files of a picked folder that are not workbooks (documents, Excel's ~$ lock files), left out. */
  readonly skipped: number;
}

export type Progress = (fraction: number) => void;

export interface PaneServices {
  readonly host: HostKind;
  templateForm(kind: TemplateKind, lang: Lang): Promise<TemplateFormView>;
  validate(kind: TemplateKind, values: FormValues, lang: Lang): Promise<Validation>;
  createTemplate(
    kind: TemplateKind,
    values: FormValues,
    lang: Lang,
    onProgress: Progress,
  ): Promise<CreateResult>;
  /** Excel: the active sheet. Preview: the given file. */
  score(lang: Lang, file?: File): Promise<ScoreResult>;
  /**
   * Sets (the score as typed, read by the templates module's number reader) or removes (null) a
   * person's override through the engine, which checks it.
   */
  override(
    score: PlanScore,
    id: CriterionId,
    value: string | null,
    reason: string,
  ): Promise<PlanScore | RubricError>;
  /** Excel only: selects an evidence cell ("'营销计划'!D7") so the planner sees it. */
  readonly selectCell?: (ref: string) => Promise<void>;
  /**
   * Both hosts (in Excel too the files come from disk): scores each workbook picked (several files,
   * or a folder's workbooks when `fromFolder`); unreadable ones are listed with the reason and the
   * rest scored. `onProgress` is called after each file.
   */
  scoreBatch(
    files: readonly File[],
    fromFolder: boolean,
    onProgress: (done: number, total: number) => void,
  ): Promise<BatchView>;
  /** A person's override on one plan of a batch (as `override`), the batch ranked again. */
  overrideInBatch(
    batch: BatchView,
    file: string,
    id: CriterionId,
    value: string | null,
    reason: string,
  ): Promise<BatchView | RubricError>;
  /**
   * The league workbook of a batch (src/scoring/league.ts): preview downloads it, Excel writes it as
   * new sheets into the open workbook. Optional so a test's services may leave it out; the batch
   * results (BatchScore.tsx) show its action only when it is present.
   */
  readonly writeLeague?: (batch: BatchView, lang: Lang) => Promise<CreateResult>;
  /** Excel: writes a scorecard sheet. Preview: downloads the scored workbook. */
  writeScorecard(result: ScoreResult, lang: Lang): Promise<CreateResult>;
  /** Excel: the open workbook. Preview: the given file, downloaded prepared. */
  prepareForSharing(lang: Lang, file?: File): Promise<ShareReportView>;
  restore(lang: Lang, file?: File): Promise<ShareReportView>;
  /** Excel: the open workbook (and whether it is tagged). Preview: the given received file. */
  scanBroken(lang: Lang, file?: File): Promise<BrokenScanView>;
  /** Excel only: broken DEALER cells get their live formula back. */
  repairBroken(lang: Lang): Promise<ShareReportView>;
  /** Excel only: tags (or untags) the document so this pane opens with it. */
  setTagged(enabled: boolean): Promise<void>;
  /** Preview only: downloads a copy of the file tagged to open the pane; returns its name. */
  downloadTagged(lang: Lang, file?: File): Promise<string>;
}
