// The .xlsx adapter: the workbook port over a file's bytes, through the package layer (ooxml/). Used
// by the browser preview, the command line, the scoring and the tests; only bytes go in and out,
// never paths, so it works in the browser and in Node alike.
import type { WorkbookSpec } from "../templates/spec";
import { addSheets, freshPackage } from "./ooxml/add-sheets";
import { Package } from "./ooxml/package";
import { readPackage } from "./ooxml/read";
import type { WorkbookPort, WorkbookSnapshot, WriteResult } from "./port";

type Bytes = ArrayBuffer | Uint8Array;

const asBytes = (data: Bytes): Uint8Array => (data instanceof Uint8Array ? data : new Uint8Array(data));

/** An .xlsx workbook held in memory, behind the same port as Excel. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(private pkg: Package) {}

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(freshPackage());
  }

  /** Opens a workbook's bytes (checked as any untrusted file is; throws OpenError). */
  static async load(data: Bytes): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(Package.open(asBytes(data)));
  }

  async listSheetNames(): Promise<string[]> {
    return this.pkg.sheets.map((s) => s.name);
  }

  async writeTemplate(spec: WorkbookSpec): Promise<WriteResult> {
    const result = addSheets(this.pkg, spec);
    this.pkg = Package.open(result.bytes);
    return { sheetNames: result.sheetNames, names: result.names, skipped: result.skipped };
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    return readPackage(this.pkg);
  }

  async toBuffer(): Promise<Uint8Array> {
    return this.pkg.save();
  }
}

/** Writes one template to a fresh .xlsx file's bytes. */
export async function templateToXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.writeTemplate(spec);
  return wb.toBuffer();
}

/**
 * Reads an .xlsx file (bytes) into a snapshot: every sheet's present cells (cached results for formula
 * cells, Excel serial numbers for dates, number formats) and the workbook's defined names. Throws
 * OpenError for a file the package layer refuses.
 */
export async function readXlsx(data: Bytes): Promise<WorkbookSnapshot> {
  return readPackage(Package.open(asBytes(data)));
}
