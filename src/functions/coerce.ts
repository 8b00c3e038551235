import { domainError, type DomainError, type ErrorCode } from "../core/errors";

/**
 * Excel argument values → numbers or domain errors. Pure, so it is tested without Office.
 *
 * Every numeric parameter is declared `unknown[][]` (metadata type "any", dimensionality
 * "matrix"): with type "number" Excel would turn a blank into 0 and reject text before our code
 * sees it, and the domain wants a blank reported (#N/A), never read as 0.
 */
export type Num = number | DomainError;
export type Grid<T> = T[][];

const PASSED_THROUGH: readonly string[] = ["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"];

/** An omitted optional argument: Excel passes null or leaves it undefined (it is not a range). */
export function isOmitted(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Excel's data-type error names (Excel.ErrorCellValue.errorType) for the codes we pass through. */
const ERROR_TYPES: Readonly<Record<string, ErrorCode>> = {
  Div0: "#DIV/0!",
  NotAvailable: "#N/A",
  Num: "#NUM!",
  Value: "#VALUE!",
};

/**
 * Objects in a cell: the generated metadata sets allowCustomDataForDataTypeAny, so Excel may pass
 * data types (a formatted number arrives as { type: "Double", basicValue }) and error values.
 */
function coerceObject(value: Record<string, unknown>, argument: string): Num {
  const error = errorOf(value, argument);
  if (error) return error;
  switch (value.type) {
    case "Double":
      return coerceCell(value.basicValue, argument);
    case "Empty":
      return domainError("blank", argument);
    default:
      return domainError("notNumber", argument);
  }
}

/**
 * An error arriving in a cell, in either form: a CustomFunctions.Error-like { code: "#N/A" }, or,
 * since the metadata sets allowErrorForDataTypeAny with allowCustomDataForDataTypeAny, the data
 * types error object { type: "Error", basicType: "Error", basicValue: "#N/A", errorType:
 * "NotAvailable" }. #DIV/0!, #N/A, #NUM! and #VALUE! stay in their element; any other error
 * (#REF!, #NAME?, #SPILL! …) becomes #VALUE!.
 */
function errorOf(value: Record<string, unknown>, argument: string): DomainError | undefined {
  let code: ErrorCode | undefined;
  if (typeof value.code === "string") code = keep(value.code);
  else if (value.type === "Error") {
    code =
      (typeof value.errorType === "string" ? ERROR_TYPES[value.errorType] : undefined) ??
      (typeof value.basicValue === "string" ? keep(value.basicValue) : "#VALUE!");
  } else return undefined;
  return domainError("inputError", argument, code);
}

function keep(code: string): ErrorCode {
  return PASSED_THROUGH.includes(code) ? (code as ErrorCode) : "#VALUE!";
}

/**
 * A logical argument (higher_is_better): TRUE/FALSE, or a number as Excel reads one (0 is FALSE),
 * as 1 or 0. Blank → #N/A (a blank cell given here is never read as the default); text → #VALUE!.
 */
export function coerceLogical(value: unknown, argument: string): Num {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number")
    return Number.isFinite(value) ? (value !== 0 ? 1 : 0) : domainError("notFinite", argument);
  if (value === null || value === undefined || value === "") return domainError("blank", argument);
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    const error = errorOf(object, argument);
    if (error) return error;
    if (object.type === "Boolean" || object.type === "Double")
      return coerceLogical(object.basicValue, argument);
    if (object.type === "Empty") return domainError("blank", argument);
  }
  return domainError("notLogical", argument);
}

/**
 * The blank error of each argument, made once: domain errors are frozen, so one object can stand
 * for every blank cell of a range (a year's row with months still empty has many).
 */
const BLANKS = new Map<string, DomainError>();
function blank(argument: string): DomainError {
  let error = BLANKS.get(argument);
  if (!error) BLANKS.set(argument, (error = domainError("blank", argument)));
  return error;
}

/** One cell: numbers pass; blank (null, undefined, "") → #N/A; text and logicals → #VALUE!. */
export function coerceCell(value: unknown, argument: string): Num {
  if (typeof value === "number") return Number.isFinite(value) ? value : domainError("notFinite", argument);
  if (value === null || value === undefined || value === "") return blank(argument);
  if (typeof value === "object") return coerceObject(value as Record<string, unknown>, argument);
  // Text (even "12") and TRUE/FALSE: a number belongs here, and silently reading them hides mistakes.
  return domainError("notNumber", argument);
}

/** A single value or a 2-D range, as a rectangular grid of raw values. */
export function toGrid(value: unknown, argument: string): Grid<unknown> | DomainError {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return domainError("notRectangular", argument);
  if (!Array.isArray(value[0]))
    return value.some((x) => Array.isArray(x)) ? domainError("notRectangular", argument) : [value];
  const rows = value as unknown[][];
  const width = rows[0].length;
  if (width === 0) return domainError("notRectangular", argument);
  for (let r = 1; r < rows.length; r++) {
    if (!Array.isArray(rows[r]) || rows[r].length !== width) return domainError("notRectangular", argument);
  }
  return rows;
}

/** A range of logical values (see coerceLogical) as 1s and 0s. */
export function coerceLogicalGrid(value: unknown, argument: string): Grid<Num> | DomainError {
  const grid = toGrid(value, argument);
  if (!Array.isArray(grid)) return grid;
  return grid.map((row) => row.map((x) => coerceLogical(x, argument)));
}

export function coerceGrid(value: unknown, argument: string): Grid<Num> | DomainError {
  const grid = toGrid(value, argument);
  if (!Array.isArray(grid)) return grid;
  const out: Grid<Num> = new Array<Num[]>(grid.length);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    let clean = 0;
    while (clean < row.length && typeof row[clean] === "number" && Number.isFinite(row[clean])) clean++;
    // A row of plain numbers is used as it is (nothing downstream mutates its inputs): a
    // 10,000-row block then costs a scan, not a copy.
    if (clean === row.length) {
      out[r] = row as number[];
      continue;
    }
    const coerced: Num[] = new Array<Num>(row.length);
    for (let c = 0; c < row.length; c++)
      coerced[c] = c < clean ? (row[c] as number) : coerceCell(row[c], argument);
    out[r] = coerced;
  }
  return out;
}

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export interface NamedGrid {
  readonly grid: Grid<Num>;
  readonly argument: string;
}

/** Same-shape ranges combine element by element, a single cell broadcasts, anything else → #VALUE!. */
export function broadcastShape(
  grids: readonly NamedGrid[],
  base: Shape = { rows: 1, cols: 1 },
): Shape | DomainError {
  let rows = base.rows;
  let cols = base.cols;
  for (const { grid } of grids) {
    const r = grid.length;
    const c = grid[0].length;
    if (r === 1 && c === 1) continue;
    if (rows === 1 && cols === 1) {
      rows = r;
      cols = c;
    }
  }
  for (const { grid, argument } of grids) {
    const r = grid.length;
    const c = grid[0].length;
    if (!(r === 1 && c === 1) && (r !== rows || c !== cols)) return domainError("shapeMismatch", argument);
  }
  return { rows, cols };
}

/** The element at (r, c), with a 1×1 grid standing for every position. */
export function at(grid: Grid<Num>, r: number, c: number): Num {
  return grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid[r][c];
}
