// Share: time to prepare (and restore) a workbook with 10,000 DEALER formulas, on the .xlsx path
// and through the Office path's planning. Prints figures; asserts nothing.
import JSZip from "jszip";
import { colName } from "../src/core/a1";
import { planPrepare, type LiveSheet } from "../src/share/live";
import { prepareXlsx, restoreXlsx } from "../src/share/xlsx";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Row i: inputs in A:F and one DEALER formula in G, cycling through the functions; every 50th spills. */
function formulaFor(i: number): { f: string; spill?: number } {
  switch (i % 5) {
    case 0:
      return { f: `_xldudf_DEALER_ROI(A${i},B${i},0.2)` };
    case 1:
      return { f: `_xldudf_DEALER_BREAKEVEN_ATTENDEES(A${i},C${i},B${i},0.4)` };
    case 2:
      return { f: `ROUND(_xldudf_DEALER_COST_PER_SALE(B${i},D${i}),2)` };
    case 3:
      return i % 50 === 3
        ? { f: `_xldudf_DEALER_FUNNEL_RATE(A${i}:F${i})`, spill: 5 }
        : { f: `_xldudf_DEALER_FUNNEL_RATE(A${i}:F${i},1,4)` };
    default:
      return { f: `_xldudf_DEALER.BREAKEVEN_BUYERS(A${i},C${i},B${i},E${i})` };
  }
}

async function workbook(rows: number): Promise<{ data: Uint8Array; live: LiveSheet }> {
  const xmlRows: string[] = [];
  const formulas: unknown[][] = [];
  const values: unknown[][] = [];
  for (let i = 1; i <= rows; i++) {
    const inputs = [5000 + i, 1000 + (i % 7), 10 + (i % 3), 4 + (i % 5), 2 + (i % 4), 1];
    const { f, spill } = formulaFor(i);
    let cells = inputs.map((v, j) => `<c r="${colName(j)}${i}"><v>${v}</v></c>`).join("");
    const line: unknown[] = [...inputs, "=" + f.replace(/_xldudf_DEALER[._]/g, "DEALER."), "", "", "", ""];
    if (spill) {
      cells += `<c r="G${i}" cm="1"><f t="array" ref="G${i}:K${i}">${f}</f><v>0.5</v></c>`;
      for (let k = 1; k < spill; k++) cells += `<c r="${colName(6 + k)}${i}"><v>0.5</v></c>`;
    } else cells += `<c r="G${i}"><f>${f}</f><v>1</v></c>`;
    xmlRows.push(`<row r="${i}">${cells}</row>`);
    formulas.push(line);
    values.push([...inputs, 1, 0.5, 0.5, 0.5, 0.5]);
  }
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets><sheet name="Calc" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RNS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>${xmlRows.join("")}</sheetData></worksheet>`,
  );
  const spills = new Map<string, { rows: number; cols: number }>();
  for (let i = 1; i <= rows; i++) if (formulaFor(i).spill) spills.set(`G${i}`, { rows: 1, cols: 5 });
  return {
    data: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
    live: { name: "Calc", top: 1, left: 1, formulas, values, spills },
  };
}

async function time<T>(f: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await f();
  return { ms: performance.now() - t0, result };
}

export async function bench(): Promise<void> {
  console.log(
    "formulas  prepare .xlsx ms  restore .xlsx ms  plan (Office path) ms  rewritten  frozen  in KB  out KB",
  );
  for (const rows of [1000, 10000]) {
    const { data, live } = await workbook(rows);
    await prepareXlsx(data); // warm-up
    const prep = await time(() => prepareXlsx(data));
    const rest = await time(() => restoreXlsx(prep.result.data));
    const plan = await time(() => planPrepare([live], () => undefined));
    console.log(
      `${String(rows).padStart(8)}  ${prep.ms.toFixed(0).padStart(16)}  ${rest.ms.toFixed(0).padStart(16)}  ${plan.ms.toFixed(0).padStart(21)}  ${String(prep.result.report.rewritten).padStart(9)}  ${String(prep.result.report.frozen).padStart(6)}  ${(data.byteLength / 1024).toFixed(0).padStart(5)}  ${(prep.result.data.byteLength / 1024).toFixed(0).padStart(6)}`,
    );
  }
}
