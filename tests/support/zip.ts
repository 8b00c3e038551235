// Building small packages by hand in tests: the parts as text, zipped with fflate (independent of the
// package layer's own writer, so a test does not prove the reader with the writer it shares code with).
import { strToU8, zipSync } from "fflate";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files, { level: 6 });
}

/** A minimal workbook: the given sheets (name → worksheet XML), shared strings and extra parts. */
export function minimalWorkbook(
  sheets: Record<string, string>,
  opts: { sst?: string[]; names?: string; extra?: Record<string, string | Uint8Array>; styles?: string } = {},
): Uint8Array {
  const names = Object.keys(sheets);
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      names
        .map(
          (_n, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      `</Types>`,
    "_rels/.rels":
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELNS}"><sheets>` +
      names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets>${opts.names ?? ""}</workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      names
        .map(
          (_n, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      (opts.sst
        ? `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
        : "") +
      (opts.styles
        ? `<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
        : "") +
      `</Relationships>`,
    ...Object.fromEntries(names.map((n, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheets[n]])),
    ...(opts.sst
      ? {
          "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${opts.sst
            .map((s) => `<si><t xml:space="preserve">${s}</t></si>`)
            .join("")}</sst>`,
        }
      : {}),
    ...(opts.styles ? { "xl/styles.xml": opts.styles } : {}),
    ...(opts.extra ?? {}),
  };
  return zipParts(parts);
}

export const sheetXml = (sheetData: string, rest = ""): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${RELNS}"><sheetData>${sheetData}</sheetData>${rest}</worksheet>`;
