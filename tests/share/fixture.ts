/**
 * A workbook that uses every DEALER function the way finance staff do (scalars, ranges, spills,
 * calls nested in other formulas and in each other, a defined name, a shared formula, several
 * sheets including names with spaces, Chinese and an apostrophe), written as Excel writes it:
 * calls spelled `_xldudf_DEALER_…`, spilled results as array formulas with dynamic-array cell
 * metadata, cached values computed by the add-in's own semantics (src/functions/compute.ts over
 * src/core), a calculation chain. Built from an input set, so tests can vary the inputs.
 */
import JSZip from "jszip";
import type { Result } from "../../src/functions/compute";
import { FUNCTIONS } from "../../src/functions/registry";
import { isDomainError } from "../../src/core";
import { formatCell, parseRef } from "../../src/core/formula";

/** An input cell: a number, text, a blank (null) or an error value. */
export type Val = number | string | boolean | null | { error: string };
/** An expected result: a number, text or an Excel error code. */
export type Expected = number | string | boolean | { error: string };

export interface ShareInputs {
  counts: Val[]; // 6 stage counts, Inputs!B1:G1
  block: Val[][]; // 3 series × 6 stages, Inputs!B3:G5
  F: Val; // B7
  v: Val; // B8
  m: Val; // B9
  r: Val; // B10
  a: Val; // B11
  revenue: Val; // B12
  cost: Val; // B13
  margin: Val; // B14
  vehicles: Val; // B15
  target: Val; // B16
  rates: Val[]; // 5 step rates, B17:B21
  fromStage: Val; // B22
  toStage: Val; // B23
  revenues: Val[]; // D7:D9
  costs: Val[]; // E7:E9
  sold: Val[]; // F7:F9
}

export const INPUTS_SHEET = "Inputs";
export const EVENT_SHEET = "活动 保本";
export const FUNNEL_SHEET = "漏斗 Q1's";

export interface FixtureCell {
  readonly sheet: string;
  readonly address: string;
  readonly formula?: string;
  readonly expected: Expected;
  /** True for cells whose formula calls a DEALER function (or that a DEALER result spilled into). */
  readonly dealer: boolean;
}

export interface Fixture {
  readonly data: Uint8Array;
  readonly cells: readonly FixtureCell[];
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escA = (s: string): string => esc(s).replace(/"/g, "&quot;");

/** What Excel hands a custom function for an input cell. */
export function raw(v: Val): unknown {
  if (v === null) return null;
  if (typeof v === "object") return { code: v.error };
  return v;
}

const breakevenAttendeesGrid = FUNCTIONS.BREAKEVEN_ATTENDEES.compute;
const breakevenBuyersGrid = FUNCTIONS.BREAKEVEN_BUYERS.compute;
const costPerSaleGrid = FUNCTIONS.COST_PER_SALE.compute;
const funnelRateGrid = FUNCTIONS.FUNNEL_RATE.compute;
const funnelTargetsGrid = FUNCTIONS.FUNNEL_TARGETS.compute;
const roiGrid = FUNCTIONS.ROI.compute;

function toExpected(x: number | { kind: "domain-error"; code: string } | unknown): Expected {
  if (isDomainError(x)) return { error: x.code };
  return x as number;
}

export function grid(result: Result): Expected[][] {
  if (isDomainError(result)) return [[{ error: result.code }]];
  return result.map((row) => row.map(toExpected));
}

const col = (vals: readonly Val[]): unknown[][] => vals.map((x) => [raw(x)]);
const row = (vals: readonly Val[]): unknown[][] => [vals.map(raw)];

export interface CellSpec {
  address: string;
  value?: Val | Expected;
  formula?: string;
  /** An array formula over this range (the anchor holds the formula, the rest only values). */
  array?: string;
  dynamic?: boolean;
  shared?: { si: number; ref?: string };
  dealer?: boolean;
}

function xmlCell(c: CellSpec): string {
  const v = c.value;
  let t = "";
  let inner = "";
  if (c.formula !== undefined) {
    const attrs = c.array
      ? ` t="array" ref="${c.array}"`
      : c.shared
        ? ` t="shared"${c.shared.ref ? ` ref="${c.shared.ref}"` : ""} si="${c.shared.si}"`
        : "";
    inner += c.formula === "" ? `<f${attrs}/>` : `<f${attrs}>${esc(c.formula)}</f>`;
  }
  if (v === null || v === undefined) {
    if (!inner) return "";
  } else if (typeof v === "number") inner += `<v>${String(v)}</v>`;
  else if (typeof v === "boolean") {
    t = ' t="b"';
    inner += `<v>${v ? 1 : 0}</v>`;
  } else if (typeof v === "string") {
    if (c.formula !== undefined) {
      t = ' t="str"';
      inner += `<v>${esc(v)}</v>`;
    } else {
      t = ' t="inlineStr"';
      inner += `<is><t>${esc(v)}</t></is>`;
    }
  } else {
    t = ' t="e"';
    inner += `<v>${esc(v.error)}</v>`;
  }
  const cm = c.dynamic ? ' cm="1"' : "";
  return `<c r="${c.address}"${t}${cm}>${inner}</c>`;
}

function sheetXml(cells: CellSpec[]): string {
  const rows = new Map<number, CellSpec[]>();
  for (const c of cells) {
    const r = parseRef(c.address);
    if (!r) throw new Error(c.address);
    rows.set(r.top, [...(rows.get(r.top) ?? []), c]);
  }
  const body = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, list]) => {
      const sorted = list.sort((x, y) => (parseRef(x.address)?.left ?? 0) - (parseRef(y.address)?.left ?? 0));
      return `<row r="${r}">${sorted.map(xmlCell).join("")}</row>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${NS}" xmlns:r="${RNS}" ` +
    `xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><sheetData>${body}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/** Lays a result grid out from an anchor as an array formula (Excel's spilled result). */
export function spill(
  anchor: string,
  formula: string,
  result: Expected[][],
): { cells: CellSpec[]; ref: string } {
  const a = parseRef(anchor);
  if (!a) throw new Error(anchor);
  const rows = result.length;
  const cols = result[0].length;
  const ref = `${anchor}:${formatCell(a.top + rows - 1, a.left + cols - 1)}`;
  const cells: CellSpec[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const address = formatCell(a.top + i, a.left + j);
      cells.push(
        i === 0 && j === 0
          ? { address, value: result[i][j], formula, array: ref, dynamic: true, dealer: true }
          : { address, value: result[i][j], dealer: true },
      );
    }
  }
  return { cells, ref };
}

const first = (r: Result): Expected => grid(r)[0][0];
const isErr = (x: Expected): x is { error: string } => typeof x === "object";

export async function buildShareFixture(
  inp: ShareInputs,
  options: { dealer?: boolean } = {},
): Promise<Fixture> {
  const withDealer = options.dealer ?? true;
  const inputs: CellSpec[] = [];
  const put = (address: string, value: Val): void => {
    if (value !== null) inputs.push({ address, value });
  };
  inp.counts.forEach((x, j) => put(formatCell(1, 2 + j), x));
  inp.block.forEach((r, i) => r.forEach((x, j) => put(formatCell(3 + i, 2 + j), x)));
  const singles: [string, Val][] = [
    ["B7", inp.F],
    ["B8", inp.v],
    ["B9", inp.m],
    ["B10", inp.r],
    ["B11", inp.a],
    ["B12", inp.revenue],
    ["B13", inp.cost],
    ["B14", inp.margin],
    ["B15", inp.vehicles],
    ["B16", inp.target],
    ["B22", inp.fromStage],
    ["B23", inp.toStage],
  ];
  for (const [addr, x] of singles) put(addr, x);
  inp.rates.forEach((x, i) => put(`B${17 + i}`, x));
  inp.revenues.forEach((x, i) => put(`D${7 + i}`, x));
  inp.costs.forEach((x, i) => put(`E${7 + i}`, x));
  inp.sold.forEach((x, i) => put(`F${7 + i}`, x));
  put("A1", "counts");
  put("A7", "F");

  const event: CellSpec[] = [];
  const funnel: CellSpec[] = [];
  const R = raw;
  const att = first(breakevenAttendeesGrid(R(inp.F), R(inp.v), R(inp.m), R(inp.r)));
  const roiMargin = first(roiGrid(R(inp.revenue), R(inp.cost), R(inp.margin)));
  const sumNumbers = [inp.F, inp.v, inp.m].reduce<number>((s, x) => s + (typeof x === "number" ? x : 0), 0);
  const sumErr = [inp.F, inp.v, inp.m].find((x) => x !== null && typeof x === "object") as
    { error: string } | undefined;

  if (withDealer) {
    event.push(
      {
        address: "A1",
        formula: "_xldudf_DEALER_BREAKEVEN_ATTENDEES(Inputs!B7,Inputs!B8,Inputs!B9,Inputs!B10)",
        value: att,
        dealer: true,
      },
      {
        address: "A2",
        formula: "_xldudf_DEALER.BREAKEVEN_BUYERS(Inputs!B7, Inputs!B8, Inputs!B9, Inputs!B11)",
        value: first(breakevenBuyersGrid(R(inp.F), R(inp.v), R(inp.m), R(inp.a))),
        dealer: true,
      },
      {
        address: "A3",
        formula: "ROUND(_xldudf_DEALER_ROI(Inputs!B12,Inputs!B13,Inputs!B14),4)*100",
        value: isErr(roiMargin) ? roiMargin : (Math.round((roiMargin as number) * 1e4) / 1e4) * 100,
        dealer: true,
      },
      {
        address: "A4",
        formula: "_xldudf_dealer_cost_per_sale(Inputs!$B$13,Inputs!$B$15)",
        value: first(costPerSaleGrid(R(inp.cost), R(inp.vehicles))),
        dealer: true,
      },
      {
        address: "A5",
        formula: "_xldudf_DEALER_ROI(Inputs!B12,Inputs!B13)",
        value: first(roiGrid(R(inp.revenue), R(inp.cost), null)),
        dealer: true,
      },
      {
        address: "A6",
        formula:
          'IF(ISNUMBER(Inputs!B7),_xldudf_DEALER_BREAKEVEN_BUYERS(Inputs!B7,Inputs!B8,Inputs!B9,_xldudf_DEALER_BREAKEVEN_ATTENDEES(Inputs!B7,Inputs!B8,Inputs!B9,Inputs!B10)),"n/a")',
        value:
          typeof inp.F === "number"
            ? first(breakevenBuyersGrid(R(inp.F), R(inp.v), R(inp.m), isErr(att) ? { code: att.error } : att))
            : "n/a",
        dealer: true,
      },
    );
  }
  event.push(
    { address: "A7", formula: "SUM(Inputs!B7:B9)", value: sumErr ?? sumNumbers },
    { address: "B1", value: "保本人数 break-even attendees" },
  );

  if (withDealer) {
    const stepRow = grid(funnelRateGrid(row(inp.counts)));
    funnel.push(...spill("A1", "_xldudf_DEALER_FUNNEL_RATE(Inputs!B1:G1)", stepRow).cells);
    const cum = first(funnelRateGrid(row(inp.counts), 1, 4));
    funnel.push({
      address: "A3",
      formula: "_xldudf_DEALER_FUNNEL_RATE(Inputs!$B$1:$G$1,1,4)",
      value: cum,
      dealer: true,
    });
    const blockRaw = inp.block.map((r) => r.map(raw));
    funnel.push(
      ...spill("A4", "_xldudf_DEALER_FUNNEL_RATE(Inputs!B3:G5,2,6)", grid(funnelRateGrid(blockRaw, 2, 6)))
        .cells,
    );
    funnel.push(
      ...spill("C4", "_xldudf_DEALER_FUNNEL_RATE(Inputs!B3:G5)", grid(funnelRateGrid(blockRaw))).cells,
    );
    funnel.push(
      ...spill(
        "A8",
        "_xldudf_DEALER_FUNNEL_TARGETS(Inputs!B16,Inputs!B17:B21)",
        grid(funnelTargetsGrid(R(inp.target), col(inp.rates))),
      ).cells,
    );
    funnel.push(
      ...spill(
        "C8",
        "_xldudf_DEALER_FUNNEL_TARGETS(Inputs!B16,{0.5,0.4,0.9})",
        grid(funnelTargetsGrid(R(inp.target), [[0.5, 0.4, 0.9]])),
      ).cells,
    );
    funnel.push(
      ...spill(
        "A15",
        "_xldudf_DEALER_ROI(Inputs!D7:D9,Inputs!E7:E9,Inputs!B14)",
        grid(roiGrid(col(inp.revenues), col(inp.costs), R(inp.margin))),
      ).cells,
    );
    // A shared formula over B15:B17, as Excel writes a filled-down column.
    for (let i = 0; i < 3; i++) {
      funnel.push({
        address: `B${15 + i}`,
        formula: i === 0 ? "_xldudf_DEALER_COST_PER_SALE(Inputs!E7,Inputs!F7)" : "",
        shared: i === 0 ? { si: 0, ref: "B15:B17" } : { si: 0 },
        value: first(costPerSaleGrid(R(inp.costs[i]), R(inp.sold[i]))),
        dealer: true,
      });
    }
    const steps = stepRow[0];
    const stepErr = steps.find(isErr);
    funnel.push({
      address: "A19",
      formula: "SUM(_xldudf_DEALER_FUNNEL_RATE(Inputs!B1:G1))",
      value: stepErr ?? steps.reduce<number>((s, x) => s + (x as number), 0),
      dealer: true,
    });
    funnel.push({
      address: "C19",
      formula: "_xldudf_DEALER_FUNNEL_RATE(Funnel_Counts,2,5)",
      value: first(funnelRateGrid(row(inp.counts), 2, 5)),
      dealer: true,
    });
    funnel.push({
      address: "D19",
      formula: "_xldudf_DEALER.funnel_rate(Inputs!B1:G1,Inputs!B22,Inputs!B23)",
      value: first(funnelRateGrid(row(inp.counts), R(inp.fromStage), R(inp.toStage))),
      dealer: true,
    });
    // Typed in a Chinese Excel: the localized name, in either saved spelling.
    event.push({
      address: "A10",
      formula: "_xldudf_DEALER_投资回报率(Inputs!B12,Inputs!B13,Inputs!B14)+_xldudf_DEALER.单车营销成本(1,1)",
      value: isErr(roiMargin) ? roiMargin : (roiMargin as number) + 1,
      dealer: true,
    });
    // A call on one sheet reading a DEALER result on a sheet whose name needs quotes.
    event.push({
      address: "A9",
      formula: "_xldudf_DEALER_ROI('漏斗 Q1''s'!A3+1,1)",
      value: isErr(cum) ? cum : first(roiGrid((cum as number) + 1, 1, null)),
      dealer: true,
    });
  }
  funnel.push(
    { address: "H1", value: "plain text" },
    {
      address: "H2",
      formula: "Inputs!B7*2",
      value: typeof inp.F === "number" ? inp.F * 2 : { error: "#VALUE!" },
    },
  );

  const sheets: [string, CellSpec[]][] = [
    [INPUTS_SHEET, inputs],
    [EVENT_SHEET, event],
    [FUNNEL_SHEET, funnel],
  ];
  const data = await writeWorkbook(sheets, [["Funnel_Counts", "Inputs!$B$1:$G$1"]]);
  return { data, cells: fixtureCells(sheets, [INPUTS_SHEET]) };
}

/**
 * Writes sheets of cells as Excel writes a workbook with custom-function calls: array formulas with
 * dynamic-array cell metadata for spills, a calculation chain, defined names.
 */
export async function writeWorkbook(
  sheets: readonly [string, CellSpec[]][],
  names: readonly [string, string][] = [],
): Promise<Uint8Array> {
  const jszip = new JSZip();
  // A fixed date keeps the zip bytes reproducible.
  const date = new Date(Date.UTC(2026, 0, 1));
  const zip = { file: (path: string, content: string): void => void jszip.file(path, content, { date }) };
  const ct =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheets
      .map(
        (_s, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>` +
    `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>` +
    `</Types>`;
  zip.file("[Content_Types].xml", ct);
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>` +
      sheets
        .map(([name], i) => `<sheet name="${escA(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("") +
      `</sheets>` +
      (names.length > 0
        ? `<definedNames>${names.map(([n, ref]) => `<definedName name="${escA(n)}">${esc(ref)}</definedName>`).join("")}</definedNames>`
        : "") +
      `<calcPr calcId="191029"/></workbook>`,
  );
  const n = sheets.length;
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map(
          (_s, i) =>
            `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId${n + 1}" Type="${RNS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${RNS}/sheetMetadata" Target="metadata.xml"/>` +
      `<Relationship Id="rId${n + 3}" Type="${RNS}/calcChain" Target="calcChain.xml"/>` +
      `</Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  zip.file(
    "xl/metadata.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<metadata xmlns="${NS}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
      `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
      `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
      `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
  );
  const chain: string[] = [];
  sheets.forEach(([, cells], i) => {
    cells.forEach((c) => {
      if (c.formula !== undefined) chain.push(`<c r="${c.address}" i="${i + 1}"/>`);
    });
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(cells));
  });
  zip.file(
    "xl/calcChain.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<calcChain xmlns="${NS}">${chain.join("")}</calcChain>`,
  );

  return jszip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Every value cell of the sheets but those skipped (the inputs), with what it must show. */
export function fixtureCells(
  sheets: readonly [string, CellSpec[]][],
  skip: readonly string[],
): FixtureCell[] {
  const out: FixtureCell[] = [];
  for (const [sheet, cells] of sheets) {
    if (skip.includes(sheet)) continue;
    for (const c of cells) {
      if (c.value === undefined || c.value === null) continue;
      out.push({
        sheet,
        address: c.address,
        ...(c.formula !== undefined ? { formula: c.formula } : {}),
        expected: c.value as Expected,
        dealer: c.dealer ?? false,
      });
    }
  }
  return out;
}
