// What a correct reader must answer for a fixture workbook: the shape of every entry of the hostile
// manifest (tests/generators/hostile-manifest.ts) and the foreign one (tests/fixtures/foreign/manifest.ts).
// The answers come from the file's content and the OOXML/ZIP specifications, never from this project's
// reader.

/** Why a file is refused; one clear line per code in the product. */
export type RefusalCode =
  | "too-large" // the file itself is over the size limit
  | "expands-too-far" // parts inflate past the limits, or declared sizes lie
  | "truncated" // a ZIP cut short (no end of central directory, or a cut central directory)
  | "encrypted" // password-protected: an OLE EncryptedPackage, or a ZIP entry with the encryption flag
  | "legacy-xls" // an OLE compound file holding a BIFF workbook
  | "not-a-workbook" // not a ZIP, or a ZIP without xl/workbook.xml
  | "empty" // 0 bytes
  | "corrupt" // damaged ZIP structure, deflate data, CRC or XML
  | "unsafe-xml" // a DTD or entity declarations in a part
  | "unsafe-name"; // an entry name with traversal, an absolute path, a drive or control characters

export const REFUSAL_CODES: readonly RefusalCode[] = [
  "too-large",
  "expands-too-far",
  "truncated",
  "encrypted",
  "legacy-xls",
  "not-a-workbook",
  "empty",
  "corrupt",
  "unsafe-xml",
  "unsafe-name",
];

/**
 * A cell's value: number, text, boolean, an error ({ error: "#N/A" }), or null for no value (no
 * cell, or a formula saved without a cached result, as openpyxl writes them).
 */
export type ExpectedValue = number | string | boolean | { readonly error: string } | null;

/** Keys are sheet-qualified A1 addresses as the sheet's name is written: "Sheet1!A1", "漏斗!B2". */
export type CellMap<T> = Readonly<Record<string, T>>;

export interface Accepted {
  readonly accept: true;
  /** Sheet names in workbook order, when the case is about them. */
  readonly sheets?: readonly string[];
  /** Values a correct reader finds (the cached value for a formula cell). */
  readonly cells: CellMap<ExpectedValue>;
  /**
   * Formula text as the file stores it (prefixes such as _xlfn. and _xldudf_ kept), with "=";
   * shared-formula members translated to their own cell.
   */
  readonly formulas?: CellMap<string>;
  /** Number format codes of cells. */
  readonly formats?: CellMap<string>;
  /** Dates (yyyy-mm-dd) that date-formatted cells stand for, taking the workbook's date system into account. */
  readonly dates?: CellMap<string>;
  /** Defined names (workbook scope) → what they refer to, without "=". */
  readonly names?: Readonly<Record<string, string>>;
  /** Defined names that carry hidden="1". */
  readonly hiddenNames?: readonly string[];
  /** How many present cells (value or formula) the workbook holds in all, when the case is about cost. */
  readonly cellCount?: number;
  /** Cells whose formula calls a DEALER function (spelled _xldudf_DEALER_… or DEALER.…). */
  readonly dealerCells?: number;
  /** DEALER calls outside cells, which a share report must mention. */
  readonly dealerElsewhere?: {
    readonly names?: number;
    readonly conditionalFormats?: number;
    readonly validations?: number;
  };
  /** The package holds macros (xl/vbaProject.bin): a writer must keep it .xlsm. */
  readonly macros?: boolean;
  /** Sheets with state hidden or veryHidden. */
  readonly hiddenSheets?: readonly string[];
  /** Merged ranges, "Sheet!A10:C10". */
  readonly merges?: readonly string[];
  /** Hyperlinks: cell → URL, or "#Sheet!A1" for a place in the workbook. */
  readonly hyperlinks?: CellMap<string>;
  /** Parts the package holds (charts, tables, comments, pivots …) that a writer must carry over. */
  readonly parts?: readonly string[];
  /**
   * Values a recalculating engine (LibreOffice) shows for formulas saved without cached results;
   * the file itself holds no value there (cells says null).
   */
  readonly recalculated?: CellMap<ExpectedValue>;
}

export interface Refused {
  readonly accept: false;
  readonly code: RefusalCode;
}

export type Expectation = Accepted | Refused;

export interface FixtureCase {
  readonly id: string;
  readonly group: string;
  /** How the file is made, in a sentence. */
  readonly made: string;
  /** small: committed under tests/fixtures/; large: made at test time only (over ~1 MB, or slow). */
  readonly size: "small" | "large";
  /** The file name's extension (".xlsx" unless the case is about it). */
  readonly ext?: ".xlsx" | ".xlsm";
  readonly expect: Expectation;
  /** Why this answer, where another one is defensible. */
  readonly why?: string;
}
