/**
 * The help of every DEALER function, by id: the `help` export of each descriptor. Only the help
 * build (build/help-pages.js through webpack.config.js) and the tests import this, so the help
 * texts stay out of the runtime bundles. One line per function, as in registry.ts.
 */
import type { DealerId } from "./registry";
import type { FunctionHelp } from "./help";
import { help as ATTAINMENT } from "./defs/attainment";
import { help as BREAKEVEN_ATTENDEES } from "./defs/breakevenAttendees";
import { help as BREAKEVEN_BUYERS } from "./defs/breakevenBuyers";
import { help as BREAKEVEN_RATE } from "./defs/breakevenRate";
import { help as CONTROL_STATUS } from "./defs/controlStatus";
import { help as COST_PER_SALE } from "./defs/costPerSale";
import { help as EVENT_PROFIT } from "./defs/eventProfit";
import { help as FUNNEL_RATE } from "./defs/funnelRate";
import { help as FUNNEL_SPREAD } from "./defs/funnelSpread";
import { help as FUNNEL_TARGETS } from "./defs/funnelTargets";
import { help as ROI } from "./defs/roi";
import { help as TREND_ALERT } from "./defs/trendAlert";

export const HELP: Readonly<Record<DealerId, FunctionHelp>> = {
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
};
