// A ChartSpec as a DrawingML chart part (xl/charts/chartN.xml, ECMA-376 Part 1, 21.2): the
// c:chartSpace with one plot (c:lineChart, c:barChart with barDir col or bar, c:pieChart), its series
// bound to the sheet's cells by formula references, a category and a value axis for all but the pie,
// a legend and the title. Pure: the package layer puts it in the zip with the drawing part, the
// relationships and the content type. Element order follows the schema's sequences (CT_ChartSpace,
// CT_Chart, CT_PlotArea, CT_LineChart/CT_BarChart/CT_PieChart, CT_*Ser, CT_CatAx, CT_ValAx), which
// Excel enforces: an element out of order makes it refuse the file.
import { cellAddress, parseRange, quoteSheet } from "../../core/a1";
import type { ChartSpec } from "../../templates/spec";
import { escapeAttr, escapeText } from "./escape";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Axis ids: any unsigned ints, unique within the chart; each axis names the other as crossAx. */
const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** What the chart's number and string caches hold, by cell address of its sheet ("B20"). */
export type ChartCache = (address: string) => string | number | null | undefined;

export interface ChartSeriesRefs {
  /** The series name's cell, e.g. "'Event Break-even'!$B$19". */
  readonly name: string;
  /** Its values, e.g. "'Event Break-even'!$B$20:$B$39". */
  readonly values: string;
  readonly categories: string;
}

function absRef(sheet: string, row: number, col: number, rows = 1, cols = 1): string {
  const a = cellAddress(row, col, true);
  const ref = rows === 1 && cols === 1 ? a : `${a}:${cellAddress(row + rows - 1, col + cols - 1, true)}`;
  return `${quoteSheet(sheet)}!${ref}`;
}

/**
 * The references of each series: one per column of `series`, named by its first row, its values the
 * rows below; every series shares the categories.
 */
export function chartSeriesRefs(chart: ChartSpec, sheetName: string): ChartSeriesRefs[] {
  const s = parseRange(chart.series);
  const c = parseRange(chart.categories);
  if (s.rows < 2) throw new Error(`Chart series ${chart.series} needs a name row and values`);
  const categories = absRef(sheetName, c.row, c.col, c.rows, c.cols);
  return Array.from({ length: s.cols }, (_, j) => ({
    name: absRef(sheetName, s.row, s.col + j),
    values: absRef(sheetName, s.row + 1, s.col + j, s.rows - 1, 1),
    categories,
  }));
}

const val = (tag: string, v: string | number) => `<c:${tag} val="${escapeAttr(String(v))}"/>`;

/** The cells of a one-column or one-row range, in order. */
function cellsOf(range: string): string[] {
  const r = parseRange(range);
  const out: string[] = [];
  for (let i = 0; i < r.rows; i++)
    for (let j = 0; j < r.cols; j++) out.push(cellAddress(r.row + i, r.col + j));
  return out;
}

function strRef(f: string, cells: readonly string[], cache?: ChartCache): string {
  if (!cache) return `<c:strRef><c:f>${escapeText(f)}</c:f></c:strRef>`;
  const pts = cells
    .map((a, i) => [i, cache(a)] as const)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([i, v]) => `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`);
  return (
    `<c:strRef><c:f>${escapeText(f)}</c:f><c:strCache>${val("ptCount", cells.length)}` +
    `${pts.join("")}</c:strCache></c:strRef>`
  );
}

function numRef(f: string, cells: readonly string[], cache?: ChartCache): string {
  if (!cache) return `<c:numRef><c:f>${escapeText(f)}</c:f></c:numRef>`;
  // Only numbers are cached: a blank or a text leaves its point out, as Excel writes it.
  const pts = cells
    .map((a, i) => [i, cache(a)] as const)
    .filter((p): p is readonly [number, number] => typeof p[1] === "number" && Number.isFinite(p[1]))
    .map(([i, v]) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`);
  return (
    `<c:numRef><c:f>${escapeText(f)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `${val("ptCount", cells.length)}${pts.join("")}</c:numCache></c:numRef>`
  );
}

function seriesXml(chart: ChartSpec, sheetName: string, cache?: ChartCache): string[] {
  const s = parseRange(chart.series);
  const categoryCells = cellsOf(chart.categories);
  return chartSeriesRefs(chart, sheetName).map((refs, j) => {
    const col = s.col + j;
    const valueCells = Array.from({ length: s.rows - 1 }, (_, i) => cellAddress(s.row + 1 + i, col));
    const parts = [
      val("idx", j),
      val("order", j),
      `<c:tx>${strRef(refs.name, [cellAddress(s.row, col)], cache)}</c:tx>`,
      chart.type === "column" || chart.type === "bar" ? val("invertIfNegative", 0) : "",
      chart.type === "line" ? `<c:marker>${val("symbol", "circle")}${val("size", 5)}</c:marker>` : "",
      `<c:cat>${strRef(refs.categories, categoryCells, cache)}</c:cat>`,
      `<c:val>${numRef(refs.values, valueCells, cache)}</c:val>`,
      chart.type === "line" ? val("smooth", 0) : "",
    ];
    return `<c:ser>${parts.join("")}</c:ser>`;
  });
}

function plotXml(chart: ChartSpec, series: readonly string[]): string {
  const axIds = `${val("axId", CAT_AX)}${val("axId", VAL_AX)}`;
  switch (chart.type) {
    case "line":
      return `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${series.join("")}${val("marker", 1)}${axIds}</c:lineChart>`;
    case "column":
    case "bar":
      return (
        `<c:barChart>${val("barDir", chart.type === "bar" ? "bar" : "col")}${val("grouping", "clustered")}` +
        `${val("varyColors", 0)}${series.join("")}${val("gapWidth", 150)}${axIds}</c:barChart>`
      );
    case "pie":
      return `<c:pieChart>${val("varyColors", 1)}${series.join("")}${val("firstSliceAng", 0)}</c:pieChart>`;
  }
}

/** Category and value axes; a horizontal bar chart has its categories on the left. */
function axesXml(chart: ChartSpec): string {
  if (chart.type === "pie") return "";
  const horizontal = chart.type === "bar";
  const catAx =
    `<c:catAx>${val("axId", CAT_AX)}<c:scaling>${val("orientation", horizontal ? "maxMin" : "minMax")}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", horizontal ? "l" : "b")}${val("majorTickMark", "out")}` +
    `${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}${val("crossAx", VAL_AX)}` +
    `${val("crosses", "autoZero")}${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}` +
    `${val("noMultiLvlLbl", 0)}</c:catAx>`;
  // sourceLinked: the axis shows numbers as their cells do (money, percent).
  const valAx =
    `<c:valAx>${val("axId", VAL_AX)}<c:scaling>${val("orientation", "minMax")}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", horizontal ? "b" : "l")}<c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${val("majorTickMark", "out")}` +
    `${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}${val("crossAx", CAT_AX)}` +
    `${val("crosses", horizontal ? "max" : "autoZero")}${val("crossBetween", "between")}</c:valAx>`;
  return catAx + valAx;
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>` +
    `<a:r><a:rPr b="1"/><a:t>${escapeText(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val("overlay", 0)}</c:title>`
  );
}

/**
 * The chart part's XML for one ChartSpec on the sheet named `sheetName` (its real name, as written:
 * the formulas quote it as Excel does). `cache`, when given, supplies the cells' values for the
 * number and string caches, which viewers show before they recalculate; without it the part holds
 * references only and the application reads the cells.
 */
export function chartPartXml(chart: ChartSpec, sheetName: string, cache?: ChartCache): string {
  const series = seriesXml(chart, sheetName, cache);
  const legendPos = chart.type === "pie" ? "r" : "b";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `${val("date1904", 0)}${val("roundedCorners", 0)}` +
    `<c:chart>${titleXml(chart.title)}${val("autoTitleDeleted", 0)}` +
    `<c:plotArea><c:layout/>${plotXml(chart, series)}${axesXml(chart)}</c:plotArea>` +
    `<c:legend>${val("legendPos", legendPos)}${val("overlay", 0)}</c:legend>` +
    `${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>` +
    `</c:chartSpace>`
  );
}
