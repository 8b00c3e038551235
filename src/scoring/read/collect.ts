// What the readers of one workbook gather, in the shape of the rubric's plan document.
import type {
  ActualItem,
  BudgetLine,
  ControlItem,
  OwnerEntry,
  PlanElement,
  PlanTarget,
  ScheduleItem,
} from "../../core/rubric";

export interface Collect {
  elements: PlanElement[];
  targets: PlanTarget[];
  budget: BudgetLine[];
  schedule: ScheduleItem[];
  owners: OwnerEntry[];
  controls: ControlItem[];
  actuals: ActualItem[];
  dealer?: string;
}

export function emptyCollect(): Collect {
  return { elements: [], targets: [], budget: [], schedule: [], owners: [], controls: [], actuals: [] };
}

const VEHICLE = /台|辆|销量|units?|vehicles?|cars?|sales/iu;
const MONEY =
  /元|万|亿|¥|rmb|cny|毛利|利润|收入|费用|成本|预算|profit|revenue|cost|budget|margin|roi|spend/iu;

export function targetKind(label: string, measure: string): PlanTarget["kind"] {
  const both = `${label} ${measure}`;
  if (MONEY.test(both)) return "financial";
  if (VEHICLE.test(both)) return "sales";
  return "other";
}

export const MILESTONE_LABEL =
  /里程碑|节点|中期|检查|复盘|启动|验收|总结|milestone|checkpoint|kick-?off|review|launch/iu;
