// A small collector the templates use to lay out a sheet spec by address.
import { colIndex, colName, parseRange, rangeAddress, type Rect } from "../core/a1";
import {
  blockRange,
  type CellBlock,
  type ChartSpec,
  type FormatRange,
  type PrintSpec,
  type SheetSpec,
  type SpecCell,
} from "./spec";
import type {
  ColorScaleSpec,
  ConditionalFormatSpec,
  LinkSpec,
  NameSpec,
  StyleName,
  StyleRange,
  ValidationRule,
  ValidationSpec,
} from "./spec";

export class SheetBuilder {
  private readonly blocks: CellBlock[] = [];
  private readonly styles: StyleRange[] = [];
  private readonly formats: FormatRange[] = [];
  private readonly validations: ValidationSpec[] = [];
  private readonly widths: { col: number; width: number }[] = [];
  private readonly merges: string[] = [];
  private freeze?: { rows: number; cols: number };
  private readonly charts: ChartSpec[] = [];
  private readonly conditional: ConditionalFormatSpec[] = [];
  private readonly scales: ColorScaleSpec[] = [];
  private readonly links: LinkSpec[] = [];
  private printSpec?: PrintSpec;
  readonly names: NameSpec[] = [];

  constructor(
    readonly key: string,
    readonly sheetName: string,
  ) {}

  put(at: string, rows: readonly (readonly SpecCell[])[]): this {
    // A ragged block would make the adapters pad it, writing empty cells past its shorter rows.
    if (rows.some((r) => r.length !== rows[0].length)) throw new Error(`Ragged block at ${at}`);
    this.blocks.push({ at, rows });
    return this;
  }

  row(at: string, cells: readonly SpecCell[]): this {
    return this.put(at, [cells]);
  }

  cell(at: string, value: SpecCell): this {
    return this.put(at, [[value]]);
  }

  style(range: string, style: StyleName): this {
    this.styles.push({ range, style });
    return this;
  }

  format(range: string, format: string): this {
    this.formats.push({ range, format });
    return this;
  }

  validate(range: string, rule: ValidationRule, error: string, prompt?: string): this {
    this.validations.push(prompt ? { range, rule, error, prompt } : { range, rule, error });
    return this;
  }

  /** An input range: styled as input and validated. */
  input(range: string, rule: ValidationRule, error: string, format?: string): this {
    this.style(range, "input").validate(range, rule, error);
    return format ? this.format(range, format) : this;
  }

  width(col: number | string, width: number): this {
    this.widths.push({ col: typeof col === "number" ? col : colIndex(col), width });
    return this;
  }

  merge(range: string): this {
    this.merges.push(range);
    return this;
  }

  freezeAt(rows: number, cols: number): this {
    this.freeze = { rows, cols };
    return this;
  }

  /** Colours the range's cells that equal a text (given as it reads, quoted here). */
  whenText(range: string, text: string, look: ConditionalFormatSpec["look"]): this {
    this.conditional.push({ range, operator: "equal", formula: `"${text.replace(/"/g, '""')}"`, look });
    return this;
  }

  whenAbove(range: string, value: number, look: ConditionalFormatSpec["look"]): this {
    this.conditional.push({ range, operator: "greaterThan", formula: String(value), look });
    return this;
  }

  /** A red–yellow–green scale on the range's numbers between fixed bounds. */
  colorScale(range: string, min: number, max: number): this {
    this.scales.push({ range, min, max });
    return this;
  }

  /** A hyperlink on a cell (see LinkSpec: "#" + sheetCell(key, "A1") for another sheet). */
  link(cell: string, target: string, tooltip?: string): this {
    this.links.push(tooltip ? { cell, target, tooltip } : { cell, target });
    return this;
  }

  addChart(chart: ChartSpec): this {
    this.charts.push(chart);
    return this;
  }

  /**
   * How the sheet prints. Without an area the print area is everything the sheet holds: its cells,
   * merged areas and charts (not the styled rows, which may run wider than the content).
   */
  print(print: PrintSpec): this {
    this.printSpec = print;
    return this;
  }

  private contentArea(): string | undefined {
    const rects: Rect[] = [
      ...this.blocks.filter((b) => b.rows.length && b.rows[0].length).map((b) => parseRange(blockRange(b))),
      ...this.merges.map(parseRange),
      ...this.charts.map((c) => parseRange(`${c.from}:${c.to}`)),
    ];
    if (!rects.length) return undefined;
    const top = Math.min(...rects.map((r) => r.row));
    const left = Math.min(...rects.map((r) => r.col));
    const bottom = Math.max(...rects.map((r) => r.row + r.rows - 1));
    const right = Math.max(...rects.map((r) => r.col + r.cols - 1));
    return rangeAddress({ row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 });
  }

  name(name: string, ref: string, role: "input" | "output", comment?: string): this {
    this.names.push(
      comment ? { name, sheet: this.key, ref, role, comment } : { name, sheet: this.key, ref, role },
    );
    return this;
  }

  build(): SheetSpec {
    return {
      key: this.key,
      name: this.sheetName,
      blocks: this.blocks,
      styles: this.styles,
      formats: this.formats,
      validations: this.validations,
      columnWidths: this.widths,
      merges: this.merges,
      ...(this.freeze ? { freeze: this.freeze } : {}),
      ...(this.charts.length ? { charts: this.charts } : {}),
      ...(this.conditional.length ? { conditionalFormats: this.conditional } : {}),
      ...(this.scales.length ? { colorScales: this.scales } : {}),
      ...(this.links.length ? { links: this.links } : {}),
      ...(this.printSpec ? { print: this.withArea(this.printSpec) } : {}),
    };
  }

  private withArea(p: PrintSpec): PrintSpec {
    if (p.area) return p;
    const area = this.contentArea();
    return area ? { ...p, area } : p;
  }
}

/** Column letter by 0-based index (re-exported for the templates' address arithmetic). */
export const col = colName;
