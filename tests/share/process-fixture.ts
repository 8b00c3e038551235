/**
 * A workbook calling the six functions of issue 12 on generated inputs, at least 320 rows of inputs
 * per function: boundaries (a rate of exactly 100%, values on the lines, r·m equal to v), blanks,
 * "" from formulas, text, TRUE/FALSE, error values typed in cells and errors LibreOffice raises
 * itself (VALUE("x") is Err:502 there), single cells, ranges that broadcast, spilled results,
 * literal arguments and calls inside larger formulas. Cached values are what the add-in computes
 * (the descriptors' compute over the core) on what Excel would hand it. The layout depends on the
 * row only and the values on the seed, so two seeds give the same formulas over other inputs.
 */
import { formatCell } from "../../src/core/formula";
import { FUNCTIONS, type DealerId } from "../../src/functions/registry";
import {
  grid,
  spill,
  writeWorkbook,
  fixtureCells,
  type CellSpec,
  type Expected,
  type FixtureCell,
} from "./fixture";

/** An input cell: how it is written, and what Excel hands the custom function for it. */
interface In {
  readonly write?: Omit<CellSpec, "address">;
  readonly raw: unknown;
}

const errorType: Readonly<Record<string, string>> = {
  "#N/A": "NotAvailable",
  "#DIV/0!": "Div0",
  "#NUM!": "Num",
  "#VALUE!": "Value",
  "#REF!": "Ref",
  "#NAME?": "Name",
};
const asDataType = (code: string): unknown => ({
  type: "Error",
  basicType: "Error",
  basicValue: code,
  errorType: errorType[code],
});

const num = (x: number): In => ({ write: { value: x }, raw: x });
const BLANK: In = { raw: null };
const BAD: readonly In[] = [
  BLANK,
  { write: { formula: '""', value: "" }, raw: "" },
  { write: { value: "abc" }, raw: "abc" },
  { write: { value: "12" }, raw: "12" },
  { write: { value: true }, raw: true },
  { write: { value: false }, raw: false },
  ...["#N/A", "#DIV/0!", "#NUM!", "#VALUE!", "#REF!", "#NAME?"].map((code): In => ({
    write: { value: { error: code } },
    raw: asDataType(code),
  })),
  // Errors LibreOffice raises itself: Err:502 has no ERROR.TYPE there; Excel says #VALUE!.
  { write: { formula: 'VALUE("x")', value: { error: "#VALUE!" } }, raw: asDataType("#VALUE!") },
  { write: { formula: "1/0", value: { error: "#DIV/0!" } }, raw: asDataType("#DIV/0!") },
  // #NUM! from a formula in both engines (SQRT(-1) would not do: LibreOffice raises Err:502 there).
  { write: { formula: "ASIN(2)", value: { error: "#NUM!" } }, raw: asDataType("#NUM!") },
];

/** A small seeded generator (mulberry32), so a failing input reproduces. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const money = (r: Rand, max: number): number => Math.round(r() * max * 100) / 100;

/** Sometimes a bad input instead of the good one. */
const maybeBad = (r: Rand, good: In, p = 0.12): In => (r() < p ? pick(r, BAD) : good);

/** Arguments of one element-wise row: numbers in and around each function's domain. */
const ROWS: Record<"EVENT_PROFIT" | "BREAKEVEN_RATE" | "CONTROL_STATUS" | "ATTAINMENT", (r: Rand) => In[]> = {
  EVENT_PROFIT: (r) => {
    const k = r();
    const rate =
      k < 0.1 ? 1 : k < 0.15 ? 15 : k < 0.2 ? 0 : k < 0.25 ? -0.1 : Math.round(r() * 1000) / 1000 || 0.5;
    return [
      num(r() < 0.05 ? -1 : money(r, 1e6)),
      num(money(r, 2000)),
      num(r() < 0.05 ? 0 : money(r, 50000)),
      num(rate),
      num(r() < 0.1 ? 0 : Math.floor(r() * 1000)),
    ];
  },
  BREAKEVEN_RATE: (r) => [
    num(money(r, 1e6)),
    num(r() < 0.05 ? -5 : money(r, 2000)),
    num(r() < 0.1 ? 0 : money(r, 50000)),
    num(r() < 0.1 ? 0 : r() < 0.05 ? -1 : Math.floor(r() * 500)),
  ],
  CONTROL_STATUS: (r) => {
    const s = Math.round((r() * 2 - 0.5) * 1000) / 1000;
    const d1 = Math.round(r() * 100) / 1000;
    const d2 = Math.round(r() * 100) / 1000;
    const dir = pick(r, [1, 1, -1, -1, 0, 2]);
    // Lines below (higher is better), above (lower is better), all equal, or in neither order.
    const [w, c] =
      dir === 1
        ? [s - d1, s - d1 - d2]
        : dir === -1
          ? [s + d1, s + d1 + d2]
          : dir === 0
            ? [s, s]
            : [s - d1, s + d2 + 0.001];
    const x = pick(r, [w, c, s, w + 0.0001, c - 0.0001, Math.round((r() * 3 - 1) * 1000) / 1000]);
    return [num(x), num(s), num(w), num(c)];
  },
  ATTAINMENT: (r) => [
    num(r() < 0.1 ? 0 : r() < 0.05 ? -3 : money(r, 2e6)),
    num(r() < 0.1 ? 0 : money(r, 2e6)),
    pick(r, [num(1), num(0), { write: { value: true }, raw: true }, { write: { value: false }, raw: false }]),
  ],
};

export const PER_FUNCTION = 320;

export interface ProcessFixture {
  readonly data: Uint8Array;
  readonly cells: readonly FixtureCell[];
  /** Input rows per function, for the test to check the count it claims. */
  readonly rows: Readonly<Record<string, number>>;
}

/** What the wrapper returns for these raw arguments, laid out as expected cell values. */
function added(id: DealerId, args: readonly unknown[]): Expected[][] {
  return grid(FUNCTIONS[id].compute(...args));
}

export async function buildProcessFixture(seed: number): Promise<ProcessFixture> {
  const r = rng(seed);
  const sheets: [string, CellSpec[]][] = [];
  const out: CellSpec[] = [];
  const rows: Record<string, number> = {};
  let outRow = 1;
  const put = (sheet: CellSpec[], address: string, input: In): void => {
    if (input.write) sheet.push({ address, ...input.write });
  };
  const scalar = (formula: string, value: Expected): void => {
    out.push({ address: `A${outRow++}`, formula, value, dealer: true });
  };
  const spilled = (formula: string, result: Expected[][]): void => {
    out.push(...spill(`A${outRow}`, formula, result).cells);
    outRow += result.length;
  };

  // ---- Element-wise functions: a row of arguments per case, a call per row.
  for (const id of ["EVENT_PROFIT", "BREAKEVEN_RATE", "CONTROL_STATUS", "ATTAINMENT"] as const) {
    const name = `In_${id}`;
    const input: CellSpec[] = [];
    const table: In[][] = [];
    for (let i = 0; i < PER_FUNCTION; i++) {
      const generated = ROWS[id](r).map((x) => maybeBad(r, x));
      // r·m equal to v in decimals, not in binary (0.07 × 10,000 − 700 is 1.1e-13): see below.
      const args =
        id === "EVENT_PROFIT" && i === 0
          ? [num(100000), num(700), num(10000), num(0.07), num(50)]
          : generated;
      table.push(args);
      args.forEach((x, k) => put(input, formatCell(i + 1, k + 1), x));
    }
    sheets.push([name, input]);
    rows[id] = PER_FUNCTION;
    const ref = (i: number, k: number): string => `${name}!${formatCell(i + 1, k + 1)}`;
    for (let i = 0; i < PER_FUNCTION; i++) {
      const raw = table[i].map((x) => [[x.raw]]);
      const refs = table[i].map((_, k) => ref(i, k));
      const variant = i % 8;
      if (id === "ATTAINMENT" && variant === 1) {
        scalar(`_xldudf_DEALER_ATTAINMENT(${refs[0]},${refs[1]})`, added(id, [raw[0], raw[1]])[0][0]);
      } else if (id === "ATTAINMENT" && variant === 2) {
        scalar(
          `_xldudf_DEALER.ATTAINMENT(${refs[0]},${refs[1]},FALSE)`,
          added(id, [raw[0], raw[1], [[false]]])[0][0],
        );
      } else if (id === "CONTROL_STATUS" && variant === 3) {
        // Literal lines, as a finance user types them.
        scalar(
          `_xldudf_DEALER_CONTROL_STATUS(${refs[0]},0.3,0.27,0.22)`,
          added(id, [raw[0], [[0.3]], [[0.27]], [[0.22]]])[0][0],
        );
      } else if (variant === 4) {
        // Inside a larger formula.
        const x = added(id, raw)[0][0];
        scalar(
          `ROUND(_xldudf_DEALER_${id}(${refs.join(",")}),2)*2`,
          typeof x === "number" ? (Math.round(x * 100) / 100) * 2 : x,
        );
      } else {
        scalar(`_xldudf_DEALER_${id}(${refs.join(",")})`, added(id, raw)[0][0]);
      }
    }
    // Spilled over five rows: the first argument a column, the others broadcast from the first row.
    for (let i = 0; i + 5 <= PER_FUNCTION; i += 40) {
      const args = table[i].map((x, k) =>
        k === 0 ? table.slice(i, i + 5).map((row) => [row[0].raw]) : [[x.raw]],
      );
      const refs = table[i].map((_, k) => (k === 0 ? `${ref(i, 0)}:${formatCell(i + 5, 1)}` : ref(i, k)));
      spilled(`_xldudf_DEALER_${id}(${refs.join(",")})`, added(id, args));
    }
  }

  // The edge of issue 12 in LibreOffice too: that event never breaks even (#NUM!), not 8.8e17 attendees.
  const edge = "In_EVENT_PROFIT!A1,In_EVENT_PROFIT!B1,In_EVENT_PROFIT!C1,In_EVENT_PROFIT!D1";
  scalar(`_xldudf_DEALER_BREAKEVEN_ATTENDEES(${edge})`, { error: "#NUM!" });

  // ---- TREND_ALERT: twelve months per row, periods in M, higher_is_better in N.
  {
    const name = "In_TREND_ALERT";
    const input: CellSpec[] = [];
    const raws: unknown[][] = [];
    for (let i = 0; i < PER_FUNCTION; i++) {
      const filled = Math.floor(r() * 13);
      const falling = r() < 0.5;
      let x = 100 + Math.round(r() * 100);
      const row: In[] = [];
      for (let k = 0; k < 12; k++) {
        if (k >= filled) row.push(r() < 0.1 ? BAD[1] : BLANK);
        else {
          const step = r() < 0.15 ? 0 : Math.round(r() * 10) + 1;
          x += (falling ? -1 : 1) * step * (r() < 0.2 ? -1 : 1);
          row.push(maybeBad(r, num(x), 0.06));
        }
      }
      const periods = maybeBad(r, num(pick(r, [3, 3, 3, 1, 2, 4, 6, 0, 2.5, -1])), 0.05);
      const higher = pick(r, [
        num(1),
        num(0),
        { write: { value: true }, raw: true },
        { write: { value: false }, raw: false },
        ...BAD.slice(0, 3),
      ]);
      [...row, periods, higher].forEach((c, k) => put(input, formatCell(i + 1, k + 1), c));
      raws.push([...row, periods, higher].map((c) => c.raw));
    }
    sheets.push([name, input]);
    rows.TREND_ALERT = PER_FUNCTION;
    for (let i = 0; i < PER_FUNCTION; i++) {
      const series = `${name}!A${i + 1}:L${i + 1}`;
      const values = [raws[i].slice(0, 12)];
      const [p, h] = [[[raws[i][12]]], [[raws[i][13]]]];
      const variant = i % 4;
      if (variant === 0)
        scalar(`_xldudf_DEALER_TREND_ALERT(${series})`, added("TREND_ALERT", [values])[0][0]);
      else if (variant === 1)
        scalar(
          `_xldudf_DEALER_TREND_ALERT(${series},${name}!M${i + 1})`,
          added("TREND_ALERT", [values, p])[0][0],
        );
      else if (variant === 2)
        scalar(
          `_xldudf_DEALER_TREND_ALERT(${series},${name}!M${i + 1},${name}!N${i + 1})`,
          added("TREND_ALERT", [values, p, h])[0][0],
        );
      else
        scalar(
          `_xldudf_DEALER_TREND_ALERT(${series},2,FALSE)`,
          added("TREND_ALERT", [values, [[2]], [[false]]])[0][0],
        );
    }
    // Blocks: one result per row, periods per row.
    for (let i = 0; i + 6 <= PER_FUNCTION; i += 30) {
      const block = raws.slice(i, i + 6);
      spilled(
        `_xldudf_DEALER_TREND_ALERT(${name}!A${i + 1}:L${i + 6},${name}!M${i + 1}:M${i + 6})`,
        added("TREND_ALERT", [block.map((x) => x.slice(0, 12)), block.map((x) => [x[12]])]),
      );
    }
    // Columns: the same rows read down a column on their own sheet.
    const colName = "In_TREND_COLUMNS";
    const cols: CellSpec[] = [];
    for (let j = 0; j < 20; j++) {
      raws[j].slice(0, 12).forEach((_, k) => {
        const address = formatCell(k + 1, j + 1);
        const src = input.find((c) => c.address === formatCell(j + 1, k + 1));
        if (src) cols.push({ ...src, address });
      });
      const series = raws[j].slice(0, 12).map((x) => [x]);
      scalar(
        `_xldudf_DEALER_TREND_ALERT(${colName}!${formatCell(1, j + 1)}:${formatCell(12, j + 1)})`,
        added("TREND_ALERT", [series])[0][0],
      );
    }
    sheets.push([colName, cols]);
  }

  // ---- FUNNEL_SPREAD: forty blocks of eight salespeople × six stages.
  {
    const name = "In_FUNNEL_SPREAD";
    const input: CellSpec[] = [];
    for (let b = 0; b < 40; b++) {
      const top = 10 * b + 1;
      const block: unknown[][] = [];
      for (let i = 0; i < 8; i++) {
        let x = 50 + Math.floor(r() * 500);
        const row: In[] = [];
        for (let k = 0; k < 6; k++) {
          const good = num(r() < 0.07 ? 0 : x);
          row.push(b === 0 ? good : maybeBad(r, good, 0.05));
          x = Math.round(x * (0.2 + r() * (r() < 0.1 ? 1.5 : 0.8)));
        }
        row.forEach((c, k) => put(input, formatCell(top + i, k + 1), c));
        block.push(row.map((c) => c.raw));
      }
      const stages = b % 10 === 9 ? 2 : 6;
      const height = b % 10 === 8 ? 1 : 8;
      const part = block.slice(0, height).map((row) => row.slice(0, stages));
      const ref = `${name}!A${top}:${formatCell(top + height - 1, stages)}`;
      spilled(`_xldudf_DEALER_FUNNEL_SPREAD(${ref})`, added("FUNNEL_SPREAD", [part]));
    }
    sheets.push([name, input]);
    rows.FUNNEL_SPREAD = 320;
  }

  sheets.push(["Out", out]);
  const data = await writeWorkbook(sheets);
  return {
    data,
    cells: fixtureCells(
      sheets,
      sheets.filter(([n]) => n !== "Out").map(([n]) => n),
    ),
    rows,
  };
}
