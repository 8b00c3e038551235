/**
 * A stand-in for Excel's CustomFunctions global: the Error class and ErrorCode enum with the
 * real enum's string values, and an associate() that records registrations.
 */
export const ErrorCodeDouble = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class ErrorDouble {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export interface CustomFunctionsDouble {
  Error: typeof ErrorDouble;
  ErrorCode: typeof ErrorCodeDouble;
  associate: (id: string, fn: unknown) => void;
  associated: Map<string, unknown>;
}

type Globals = { CustomFunctions?: CustomFunctionsDouble; Office?: unknown };

export function installCustomFunctionsDouble(): CustomFunctionsDouble {
  const associated = new Map<string, unknown>();
  const double: CustomFunctionsDouble = {
    Error: ErrorDouble,
    ErrorCode: ErrorCodeDouble,
    associate: (id, fn) => void associated.set(id, fn),
    associated,
  };
  (globalThis as unknown as Globals).CustomFunctions = double;
  return double;
}

export function uninstallCustomFunctionsDouble(): void {
  delete (globalThis as unknown as Globals).CustomFunctions;
}

/** Office's display language, as the shared runtime exposes it. */
export function setDisplayLanguage(lang: string | undefined): void {
  if (lang === undefined) delete (globalThis as unknown as Globals).Office;
  else (globalThis as unknown as Globals).Office = { context: { displayLanguage: lang } };
}

/** What a cell shows: its number or TRUE/FALSE, or its error code and message. */
export function shown(x: unknown): number | boolean | { code: string; message?: string } {
  if (typeof x === "number" || typeof x === "boolean") return x;
  if (x instanceof ErrorDouble)
    return x.message === undefined ? { code: x.code } : { code: x.code, message: x.message };
  throw new Error(`not a cell value: ${String(x)}`);
}

export function codes(grid: unknown[][]): (number | boolean | string)[][] {
  return grid.map((row) =>
    row.map((x) => {
      const s = shown(x);
      return typeof s === "object" ? s.code : s;
    }),
  );
}
