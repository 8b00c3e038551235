/*
 * The custom functions. Their JSDoc is the public contract: custom-functions-metadata-plugin
 * generates functions.json from it, and finance users read these descriptions in Excel's
 * formula autocomplete. The plugin also appends `CustomFunctions.associate(id, fn)` for each
 * function to this file at build time, unguarded, which is why the bundle imports this module
 * through register.ts, only where the CustomFunctions global exists.
 *
 * Each wrapper hands what Excel passes to its descriptor (src/functions/defs/<name>.ts, through
 * registry.ts); a test keeps this JSDoc and the descriptors in agreement (ids, names, parameters,
 * which are optional, the English texts). Every parameter is `unknown[][]`: metadata type "any" +
 * "matrix", so a single cell or a range both arrive, and blanks, text and error values reach our
 * coercion instead of Excel's (the build sets allowErrorForDataTypeAny for the errors).
 */
import { toExcelResult } from "./excelErrors";
import { FUNCTIONS, labelsOf } from "./registry";

const {
  FUNNEL_RATE,
  BREAKEVEN_ATTENDEES,
  BREAKEVEN_BUYERS,
  ROI,
  COST_PER_SALE,
  FUNNEL_TARGETS,
  EVENT_PROFIT,
  BREAKEVEN_RATE,
  CONTROL_STATUS,
  TREND_ALERT,
  FUNNEL_SPREAD,
  ATTAINMENT,
} = FUNCTIONS;
const FUNNEL_RATE_LABELS = labelsOf(FUNNEL_RATE);
const BREAKEVEN_ATTENDEES_LABELS = labelsOf(BREAKEVEN_ATTENDEES);
const BREAKEVEN_BUYERS_LABELS = labelsOf(BREAKEVEN_BUYERS);
const ROI_LABELS = labelsOf(ROI);
const COST_PER_SALE_LABELS = labelsOf(COST_PER_SALE);
const FUNNEL_TARGETS_LABELS = labelsOf(FUNNEL_TARGETS);
const EVENT_PROFIT_LABELS = labelsOf(EVENT_PROFIT);
const BREAKEVEN_RATE_LABELS = labelsOf(BREAKEVEN_RATE);
const CONTROL_STATUS_LABELS = labelsOf(CONTROL_STATUS);
const TREND_ALERT_LABELS = labelsOf(TREND_ALERT);
const FUNNEL_SPREAD_LABELS = labelsOf(FUNNEL_SPREAD);
const ATTAINMENT_LABELS = labelsOf(ATTAINMENT);

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
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(FUNNEL_RATE.compute(counts, from_stage, to_stage), FUNNEL_RATE_LABELS);
}

/**
 * Break-even attendance of a marketing event: the fewest attendees at which buyers' margin covers fixed and per-attendee cost, ⌈F / (r·m − v)⌉.
 * @customfunction BREAKEVEN_ATTENDEES
 * @helpurl https://localhost:3000/help/en-US/breakeven_attendees.html
 * @param fixed_cost Fixed cost of the event (venue, advertising), in money.
 * @param variable_cost_per_attendee Cost per attendee (gifts, meals, test-drive fuel), in money.
 * @param margin_per_buyer Gross profit of one sale (incl. finance, insurance, accessories), in money.
 * @param conversion_rate Share of attendees who buy, above 0% and at most 100%.
 * @returns Whole attendees needed to break even.
 */
export function breakevenAttendees(
  fixed_cost: unknown[][],
  variable_cost_per_attendee: unknown[][],
  margin_per_buyer: unknown[][],
  conversion_rate: unknown[][],
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(
    BREAKEVEN_ATTENDEES.compute(fixed_cost, variable_cost_per_attendee, margin_per_buyer, conversion_rate),
    BREAKEVEN_ATTENDEES_LABELS,
  );
}

/**
 * Buyers an event needs at a given attendance to break even, ⌈(F + v·a) / m⌉.
 * @customfunction BREAKEVEN_BUYERS
 * @helpurl https://localhost:3000/help/en-US/breakeven_buyers.html
 * @param fixed_cost Fixed cost of the event (venue, advertising), in money.
 * @param variable_cost_per_attendee Cost per attendee (gifts, meals, test-drive fuel), in money.
 * @param margin_per_buyer Gross profit of one sale (incl. finance, insurance, accessories), in money.
 * @param attendees Number of attendees expected.
 * @returns Whole buyers needed to break even.
 */
export function breakevenBuyers(
  fixed_cost: unknown[][],
  variable_cost_per_attendee: unknown[][],
  margin_per_buyer: unknown[][],
  attendees: unknown[][],
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(
    BREAKEVEN_BUYERS.compute(fixed_cost, variable_cost_per_attendee, margin_per_buyer, attendees),
    BREAKEVEN_BUYERS_LABELS,
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
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(ROI.compute(revenue, cost, margin), ROI_LABELS);
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
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(COST_PER_SALE.compute(cost, vehicles_sold), COST_PER_SALE_LABELS);
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
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(FUNNEL_TARGETS.compute(target, step_rates), FUNNEL_TARGETS_LABELS);
}

/**
 * Expected profit of a marketing event: buyers' margin less the fixed and per-attendee cost, a·r·m − F − v·a; negative is a loss.
 * @customfunction EVENT_PROFIT
 * @helpurl https://localhost:3000/help/en-US/event_profit.html
 * @param fixed_cost Fixed cost of the event (venue, advertising), in money.
 * @param variable_cost_per_attendee Cost per attendee (gifts, meals, test-drive fuel), in money.
 * @param margin_per_buyer Gross profit of one sale (incl. finance, insurance, accessories), in money.
 * @param conversion_rate Share of attendees who buy, above 0% and at most 100%.
 * @param attendees Number of attendees expected.
 * @returns Expected profit in money, one per element.
 */
export function eventProfit(
  fixed_cost: unknown[][],
  variable_cost_per_attendee: unknown[][],
  margin_per_buyer: unknown[][],
  conversion_rate: unknown[][],
  attendees: unknown[][],
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(
    EVENT_PROFIT.compute(
      fixed_cost,
      variable_cost_per_attendee,
      margin_per_buyer,
      conversion_rate,
      attendees,
    ),
    EVENT_PROFIT_LABELS,
  );
}

/**
 * The conversion an event needs at a given attendance to break even: break-even buyers over attendees, ⌈(F + v·a) / m⌉ / a; above 100% is returned as it is.
 * @customfunction BREAKEVEN_RATE
 * @helpurl https://localhost:3000/help/en-US/breakeven_rate.html
 * @param fixed_cost Fixed cost of the event (venue, advertising), in money.
 * @param variable_cost_per_attendee Cost per attendee (gifts, meals, test-drive fuel), in money.
 * @param margin_per_buyer Gross profit of one sale (incl. finance, insurance, accessories), in money.
 * @param attendees Number of attendees expected.
 * @returns The conversion needed, as a fraction (format as %).
 */
export function breakevenRate(
  fixed_cost: unknown[][],
  variable_cost_per_attendee: unknown[][],
  margin_per_buyer: unknown[][],
  attendees: unknown[][],
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(
    BREAKEVEN_RATE.compute(fixed_cost, variable_cost_per_attendee, margin_per_buyer, attendees),
    BREAKEVEN_RATE_LABELS,
  );
}

/**
 * Process control status: 1 on target, 0 warning, −1 off track. Lines below the standard mean higher is better; lines above it mean lower is better (costs).
 * @customfunction CONTROL_STATUS
 * @helpurl https://localhost:3000/help/en-US/control_status.html
 * @param value This period's value (a rate, a profit, a cost …); may be negative.
 * @param standard The KPI's standard value (its target).
 * @param warning_line Warning line: beyond it the status is a warning; between the standard and the control line.
 * @param control_line Control line: beyond it the status is off track.
 * @returns 1, 0 or −1 per element.
 */
export function controlStatus(
  value: unknown[][],
  standard: unknown[][],
  warning_line: unknown[][],
  control_line: unknown[][],
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(
    CONTROL_STATUS.compute(value, standard, warning_line, control_line),
    CONTROL_STATUS_LABELS,
  );
}

/**
 * Trend alert: TRUE when each of the last periods (3 by default) moved toward the lines — fell, or rose where lower is better. A row or a column is one series; a block gives one result per row.
 * @customfunction TREND_ALERT
 * @helpurl https://localhost:3000/help/en-US/trend_alert.html
 * @param series Values by period, earliest first: a row or a column, or a block with one series per row; blanks at the end (months still to come) are ignored.
 * @param [periods] Optional. Periods in a row that must move, a whole number of at least 1; 3 if omitted (which needs 4 values).
 * @param [higher_is_better] Optional. TRUE (the default) where higher is better (sales, rates); FALSE where lower is better (spend, cost per vehicle).
 * @returns TRUE or FALSE per series.
 */
export function trendAlert(
  series: unknown[][],
  periods?: unknown[][],
  higher_is_better?: unknown[][],
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(TREND_ALERT.compute(series, periods, higher_is_better), TREND_ALERT_LABELS);
}

/**
 * The spread of step rates across salespeople: for a block with one row per salesperson and the stages across, three rows — the minimum, median and maximum of each step rate across the rows.
 * @customfunction FUNNEL_SPREAD
 * @helpurl https://localhost:3000/help/en-US/funnel_spread.html
 * @param counts Customer counts with one row per salesperson (or month, or team) and the stages across, earliest first, at least 2 stages.
 * @returns Three rows (minimum, median, maximum), one column per step.
 */
export function funnelSpread(counts: unknown[][]): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(FUNNEL_SPREAD.compute(counts), FUNNEL_SPREAD_LABELS);
}

/**
 * Attainment of a target: actual / target, or target / actual where lower is better (spend, cost per vehicle). 100% is on target, above it better.
 * @customfunction ATTAINMENT
 * @helpurl https://localhost:3000/help/en-US/attainment.html
 * @param actual The actual figure (sales, spend …), not negative.
 * @param target The planned target or budget, not negative.
 * @param [higher_is_better] Optional. TRUE (the default) where higher is better (sales, rates); FALSE where lower is better (spend, cost per vehicle).
 * @returns Attainment as a fraction (format as %).
 */
export function attainment(
  actual: unknown[][],
  target: unknown[][],
  higher_is_better?: unknown[][],
): Array<Array<number | boolean | CustomFunctions.Error>> {
  return toExcelResult(ATTAINMENT.compute(actual, target, higher_is_better), ATTAINMENT_LABELS);
}
