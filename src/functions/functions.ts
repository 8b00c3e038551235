/*
 * The custom functions. Their JSDoc is the public contract: custom-functions-metadata-plugin
 * generates functions.json from it, and finance users read these descriptions in Excel's
 * formula autocomplete. The plugin also appends `CustomFunctions.associate(id, fn)` for each
 * function to this file at build time, unguarded, which is why the bundle imports this module
 * through register.ts, only where the CustomFunctions global exists.
 *
 * Every numeric parameter is `unknown[][]`: metadata type "any" + "matrix", so a single cell
 * or a range both arrive, and blanks and text reach our coercion instead of Excel's.
 */
import {
  breakevenAttendeesGrid,
  breakevenBuyersGrid,
  costPerSaleGrid,
  funnelRateGrid,
  funnelTargetsGrid,
  roiGrid,
} from "./compute";
import { toExcelResult } from "./excelErrors";

/**
 * Funnel conversion rates: each stage's count divided by the stage before it, or, with stage numbers, the cumulative rate from one stage to another.
 * @customfunction FUNNEL_RATE
 * @helpurl https://localhost:3000/help/en-US/funnel_rate.html
 * @param counts Customer counts per funnel stage, earliest stage first: a row or a column (at least 2 stages), or a block with one series (salesperson, month) per row.
 * @param [from_stage] Optional. Start stage number, 1 = first stage of the range.
 * @param [to_stage] Optional. End stage number, after from_stage.
 * @returns Step rates (one fewer than the stages, same orientation as counts), or one cumulative rate per series.
 */
export function funnelRate(
  counts: unknown[][],
  from_stage?: unknown[][],
  to_stage?: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  return toExcelResult(funnelRateGrid(counts, from_stage, to_stage));
}

/**
 * Break-even attendance of a marketing event: the fewest attendees at which buyers' margin covers fixed and per-attendee cost, ⌈F / (r·m − v)⌉.
 * @customfunction BREAKEVEN_ATTENDEES
 * @helpurl https://localhost:3000/help/en-US/breakeven_attendees.html
 * @param fixed_cost Fixed cost of the event (venue, advertising), in money.
 * @param variable_cost_per_attendee Cost per attendee (gifts, meals, test-drive fuel), in money.
 * @param margin_per_buyer Marginal contribution of one buyer (gross profit of one sale incl. finance, insurance, accessories), in money.
 * @param conversion_rate Share of attendees who buy, above 0% and at most 100%.
 * @returns Whole attendees needed to break even.
 */
export function breakevenAttendees(
  fixed_cost: unknown[][],
  variable_cost_per_attendee: unknown[][],
  margin_per_buyer: unknown[][],
  conversion_rate: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  return toExcelResult(
    breakevenAttendeesGrid(fixed_cost, variable_cost_per_attendee, margin_per_buyer, conversion_rate),
  );
}

/**
 * Buyers an event needs at a given attendance to break even, ⌈(F + v·a) / m⌉.
 * @customfunction BREAKEVEN_BUYERS
 * @helpurl https://localhost:3000/help/en-US/breakeven_buyers.html
 * @param fixed_cost Fixed cost of the event (venue, advertising), in money.
 * @param variable_cost_per_attendee Cost per attendee (gifts, meals, test-drive fuel), in money.
 * @param margin_per_buyer Marginal contribution of one buyer (gross profit of one sale), in money.
 * @param attendees Number of attendees expected.
 * @returns Whole buyers needed to break even.
 */
export function breakevenBuyers(
  fixed_cost: unknown[][],
  variable_cost_per_attendee: unknown[][],
  margin_per_buyer: unknown[][],
  attendees: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  return toExcelResult(
    breakevenBuyersGrid(fixed_cost, variable_cost_per_attendee, margin_per_buyer, attendees),
  );
}

/**
 * Return on marketing investment: (revenue × margin − cost) / cost. Without margin, the plain (revenue − cost) / cost.
 * @customfunction ROI
 * @helpurl https://localhost:3000/help/en-US/roi.html
 * @param revenue Sales revenue attributed to the marketing, in money.
 * @param cost Marketing cost, in money.
 * @param [margin] Optional. Gross margin on revenue, above 0% and at most 100%; 100% if omitted.
 * @returns ROI as a fraction (format as %).
 */
export function roi(
  revenue: unknown[][],
  cost: unknown[][],
  margin?: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  return toExcelResult(roiGrid(revenue, cost, margin));
}

/**
 * Marketing cost per vehicle sold: cost / vehicles sold.
 * @customfunction COST_PER_SALE
 * @helpurl https://localhost:3000/help/en-US/cost_per_sale.html
 * @param cost Marketing cost, in money.
 * @param vehicles_sold Number of vehicles sold.
 * @returns Marketing cost per vehicle.
 */
export function costPerSale(
  cost: unknown[][],
  vehicles_sold: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  return toExcelResult(costPerSaleGrid(cost, vehicles_sold));
}

/**
 * Plans the funnel backwards: the count each stage must reach so the last stage reaches the target, earliest stage first, rounded up to whole people.
 * @customfunction FUNNEL_TARGETS
 * @helpurl https://localhost:3000/help/en-US/funnel_targets.html
 * @param target Target count for the last stage (for example vehicles to sell).
 * @param step_rates Expected step rates between stages, earliest first, each above 0% and at most 100%: a row or a column.
 * @returns One more value than step_rates, in the same orientation.
 */
export function funnelTargets(
  target: unknown[][],
  step_rates: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  return toExcelResult(funnelTargetsGrid(target, step_rates));
}
