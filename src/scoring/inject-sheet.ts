// A scored copy: the dealer's own workbook with the scorecard sheet added through the package layer,
// so charts, pivot tables, images and formatting are carried over as they were (only the workbook,
// its relationships, the content types and the styles gain entries; existing style indexes stay).
import type { SheetSpec } from "../templates/spec";
import { addSheets } from "../workbook/ooxml/add-sheets";
import { Package } from "../workbook/ooxml/package";

export interface InjectResult {
  readonly bytes: Uint8Array;
  /** The sheet's real name (a taken name gets " (2)"). */
  readonly sheetName: string;
  /** True when the workbook carries macros: the copy must keep the .xlsm extension. */
  readonly macroEnabled: boolean;
}

/** A copy of the workbook with the sheet added at the end (throws OpenError for a refused file). */
export async function addSheetToXlsx(data: Uint8Array, sheet: SheetSpec): Promise<InjectResult> {
  const pkg = Package.open(data);
  const r = addSheets(pkg, { sheets: [sheet], names: [] });
  return { bytes: r.bytes, sheetName: r.sheetNames[0], macroEnabled: pkg.macroEnabled };
}
