// A small collector the templates use to lay out a sheet spec by address.
import { colIndex, colName } from "../core/a1";
import { type CellBlock, type ChartSpec, type FormatRange, type SheetSpec, type SpecCell } from "./spec";
import type {
  ConditionalFormatSpec,
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
  readonly names: NameSpec[] = [];

  constructor(
    readonly key: string,
    readonly sheetName: string,
  ) {}

  put(at: string, rows: readonly (readonly SpecCell[])[]): this {
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

  addChart(chart: ChartSpec): this {
    this.charts.push(chart);
    return this;
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
    };
  }
}

/** Column letter by 0-based index (re-exported for the templates' address arithmetic). */
export const col = colName;
