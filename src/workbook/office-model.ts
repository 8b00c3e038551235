// The slice of Excel's object model the Office.js adapters use (office.ts, office-write.ts,
// office-share.ts), and the host seam they reach it through. Office's globals are touched here
// only by excelHost(); the tests put a strict double behind the same interfaces.

export interface XFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface XRangeFormat {
  fill: { color: string };
  font: XFont;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
}

export interface XBasicValidation {
  formula1: unknown;
  formula2?: unknown;
  operator: string;
}

export interface XValidationRule {
  decimal?: XBasicValidation;
  wholeNumber?: XBasicValidation;
  date?: XBasicValidation;
  list?: { inCellDropDown: boolean; source: unknown };
}

export interface XDataValidation {
  rule: XValidationRule;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  prompt: { message: string; showPrompt: boolean; title: string };
}

export interface XConditionalFormat {
  readonly cellValue: {
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
    rule: { formula1: string; operator: string };
  };
  readonly colorScale: {
    criteria: { minimum: XColorScalePoint; midpoint?: XColorScalePoint; maximum: XColorScalePoint };
  };
}

/** One point of a colour scale ("Number" with a constant formula: fixed bounds). */
export interface XColorScalePoint {
  type: string;
  formula?: string;
  color?: string;
}

// Excel's ConditionalFormat carries every kind's properties (those of other kinds are null objects):
// a cell-value format uses cellValue, a colour scale colorScale.
export interface XConditionalFormats {
  add(type: "CellValue" | "ColorScale"): XConditionalFormat;
}

export interface XHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface XRange {
  formulas: unknown[][];
  numberFormat: unknown[][];
  values: unknown[][];
  readonly valueTypes: string[][];
  readonly address: string;
  readonly isNullObject: boolean;
  /** 0-based position and size (the share adapter's used ranges and spills). */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly format: XRangeFormat;
  readonly dataValidation: XDataValidation;
  readonly conditionalFormats: XConditionalFormats;
  /** ExcelApi 1.7: a link in the cell (documentReference for a place in this workbook). */
  hyperlink: XHyperlink;
  merge(across?: boolean): void;
  select(): void;
  clear(applyTo: "Contents"): void;
  /** ExcelApi 1.12: the cells a dynamic-array result spills into, anchor included. */
  getSpillingToRangeOrNullObject(): XRange;
  load(propertyNames: string): unknown;
}

export interface XChart {
  readonly title: { text: string };
  readonly axes: { readonly categoryAxis: { setCategoryNames(sourceData: XRange): void } };
  readonly series: { getItemAt(index: number): { setXAxisValues(sourceData: XRange): void } };
  setPosition(startCell: string, endCell?: string): void;
}

export interface XHeaderFooter {
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface XPageLayout {
  orientation: string;
  paperSize: string;
  /** Must be set as a whole object (Excel ignores zoom.scale = … on the property's value). */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  readonly headersFooters: { readonly defaultForAllPages: XHeaderFooter };
  setPrintTitleRows(printTitleRows: string): void;
  setPrintArea(printArea: string): void;
}

export interface XWorksheet {
  readonly name: string;
  getRange(address: string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  readonly freezePanes: { freezeAt(frozenRange: string): void };
  readonly charts: { add(type: string, sourceData: XRange, seriesBy: "Columns"): XChart };
  readonly pageLayout: XPageLayout;
  /** Manual page breaks; add("A53") breaks before row 53. */
  readonly horizontalPageBreaks: { add(pageBreakRange: string): unknown };
  activate(): void;
}

export interface XNamedItem {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
  /** The reference with its "=" ("=Sheet1!$A$1"). */
  readonly formula: unknown;
  visible: boolean;
  delete(): void;
}

/** A custom XML part (ExcelApi 1.5): where the share record lives. */
export interface XCustomXmlPart {
  readonly id: string;
  getXml(): { readonly value: string };
  delete(): void;
}

export interface XContext {
  readonly workbook: {
    readonly worksheets: {
      readonly items: XWorksheet[];
      add(name: string): XWorksheet;
      getItem(name: string): XWorksheet;
      load(propertyNames: string): unknown;
    };
    readonly names: {
      readonly items: XNamedItem[];
      add(name: string, reference: string, comment?: string): XNamedItem;
      getItem(name: string): XNamedItem;
      load(propertyNames: string): unknown;
    };
    readonly customXmlParts: {
      add(xml: string): XCustomXmlPart;
      getByNamespace(namespaceUri: string): {
        readonly items: XCustomXmlPart[];
        load(propertyNames: string): unknown;
      };
    };
  };
  sync(): Promise<void>;
}

export interface OfficeHost {
  run<T>(batch: (context: XContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** The real host: Excel.run and Office's requirement sets. */
export function excelHost(): OfficeHost {
  return {
    run: (batch) => Excel.run((context) => batch(context)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
