// Print set-up as the spreadsheet formats spell it, shared by every writer (the Office adapter, the
// .xlsx writers) so a sheet prints the same from Excel, WPS and LibreOffice. Pure.
import type { PrintSpec } from "../templates/spec";

/** OOXML's paperSize code for A4 (ECMA-376 Part 1, 18.3.1.64). */
export const PAPER_A4 = 9;

export interface FooterSections {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

/**
 * The footer in Excel's header/footer codes: the dealer on the left (a literal "&" doubled, as the
 * codes read "&" as an escape), the sheet name (&A) in the middle, "page / pages" (&P / &N) on the right.
 */
export function footerSections(print: PrintSpec): FooterSections {
  return { left: (print.footer ?? "").replace(/&/g, "&&"), center: "&A", right: "&P / &N" };
}

/** The whole footer as one OOXML oddFooter string: "&L…&C&A&R&P / &N". */
export function oddFooter(print: PrintSpec): string {
  const f = footerSections(print);
  return `${f.left ? "&L" + f.left : ""}&C${f.center}&R${f.right}`;
}

/** Print-title rows "1:2" as an absolute row range "$1:$2". */
export function absoluteRows(rows: string): string {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(rows.trim());
  if (!m) throw new Error(`Print titles must be whole rows such as "1:2", got ${rows}`);
  return `$${m[1]}:$${m[2]}`;
}
