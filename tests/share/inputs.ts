import type { ShareInputs } from "./fixture";

/** The source's worked example and ordinary funnel numbers. */
export const VALID: ShareInputs = {
  counts: [1000, 400, 200, 80, 60, 30],
  block: [
    [500, 200, 100, 40, 30, 10],
    [800, 300, 90, 45, 30, 12],
    [100, 50, 20, 10, 5, 2],
  ],
  F: 460000,
  v: 1500,
  m: 10000,
  r: 64 / 120,
  a: 120,
  revenue: 1000000,
  cost: 200000,
  margin: 0.2,
  vehicles: 40,
  target: 50,
  rates: [0.3, 0.5, 0.4, 0.8, 0.6],
  fromStage: 2,
  toStage: 5,
  revenues: [100, 200, 300],
  costs: [50, 80, 120],
  sold: [5, 7, 3],
};

/** Every kind of bad input, each where it gives its own error. */
export const INVALID_A: ShareInputs = {
  counts: [1000, 400, null, 80, -60, 30],
  block: [
    [500, "many", 100, 40, 30, 10],
    [0, 300, 90, { error: "#DIV/0!" }, 30, 12],
    [100, 50, 20, 10, 5, null],
  ],
  F: "460k",
  v: 1500,
  m: 10000,
  r: 1.5,
  a: -3,
  revenue: 1000000,
  cost: null,
  margin: 15,
  vehicles: 0,
  target: -5,
  rates: [0.3, 0, "x", 0.8, null],
  fromStage: 5,
  toStage: 2,
  revenues: ["lots", 200, -1],
  costs: [0, 80, 120],
  sold: [null, 0, -2],
};

/** Never breaks even, zero margin, a stage that is not whole, error values in inputs. */
export const INVALID_B: ShareInputs = {
  counts: [{ error: "#REF!" }, 400, 0, 80, 60, 30],
  block: [
    [500, 200, 100, 40, 30, 10],
    [800, 300, 90, 45, 30, 12],
    [100, 50, 20, 10, 5, 2],
  ],
  F: 460000,
  v: 6000,
  m: 0,
  r: 0.5,
  a: 120,
  revenue: { error: "#N/A" },
  cost: 200000,
  margin: 0,
  vehicles: true,
  target: 0,
  rates: [1, 1, 1, 0.5, 1.2],
  fromStage: 2.5,
  toStage: 7,
  revenues: [0, 0, 5],
  costs: [1, 2, 3],
  sold: [1, 2, 3],
};
