// Corpus plans in the add-in's own plan template: buildPlan filled through the template's defined
// names (Plan_Elements, Plan_Indicators ...), so the content lands where the template puts its blocks
// even if the rows move, and written by the product's writer (templateToXlsx).
import type { Lang } from "../../../src/core/lang";
import { cellAddress, parseRange } from "../../../src/core/a1";
import { isoToSerial } from "../../../src/core/dates";
import { buildPlan } from "../../../src/templates/plan";
import { withValues, type SpecCell, type WorkbookSpec } from "../../../src/templates/spec";
import { templateToXlsx } from "../../../src/workbook/xlsx";
import { TEMPLATE_PLANS_EN } from "./template-plans-en";
import { TEMPLATE_PLANS_ZH } from "./template-plans-zh";

/** One plan typed into the template, block by block (rows in the block's own column order). */
export interface TemplatePlan {
  readonly id: string;
  readonly lang: Lang;
  readonly dealer: string;
  readonly brand: string;
  readonly salesTarget?: number;
  readonly revenueTarget?: number;
  readonly budget?: number;
  /** Twelve rows, in the template's element order: content, owner, due date (ISO), status. */
  readonly elements: readonly (readonly [string | null, string | null, string | null, string | null])[];
  /** Indicator, how it is measured, target value, owner. */
  readonly indicators?: readonly (readonly SpecCell[])[];
  /** Milestone, description, date (ISO), owner. */
  readonly schedule?: readonly (readonly [string, string | null, string | null, string | null])[];
  /** KPI, corrective action, standard value, control line, review cycle, owner. */
  readonly control?: readonly (readonly SpecCell[])[];
}

export const TEMPLATE_PLANS: readonly TemplatePlan[] = [...TEMPLATE_PLANS_ZH, ...TEMPLATE_PLANS_EN];

const date = (iso: string | null): number | null => (iso === null ? null : isoToSerial(iso));

/** The spec with rows put at the top-left cell of one of the template's names. */
function atName(spec: WorkbookSpec, name: string, rows: readonly (readonly SpecCell[])[]): WorkbookSpec {
  const n = spec.names.find((x) => x.name === name);
  if (!n) throw new Error(`the plan template has no name ${name}`);
  const r = parseRange(n.ref);
  return withValues(spec, n.sheet, cellAddress(r.row, r.col), rows);
}

export function templatePlanSpec(p: TemplatePlan): WorkbookSpec {
  if (p.elements.length !== 12) throw new Error(`${p.id}: the template has twelve elements`);
  let spec = buildPlan({
    lang: p.lang,
    dealerName: p.dealer,
    brand: p.brand,
    year: 2026,
    plan: {
      ...(p.salesTarget !== undefined ? { salesTarget: p.salesTarget } : {}),
      ...(p.revenueTarget !== undefined ? { revenueTarget: p.revenueTarget } : {}),
      ...(p.budget !== undefined ? { budget: p.budget } : {}),
      strategyOutline: false,
    },
  });
  spec = atName(
    spec,
    "Plan_Elements",
    p.elements.map(([text, owner, due, status]) => [text, owner, date(due), status]),
  );
  if (p.indicators) spec = atName(spec, "Plan_Indicators", p.indicators);
  if (p.schedule) {
    spec = atName(
      spec,
      "Plan_Schedule",
      p.schedule.map(([m, d, iso, owner]) => [m, d, date(iso), owner]),
    );
  }
  if (p.control) spec = atName(spec, "Plan_Control", p.control);
  return spec;
}

export async function templatePlanBytes(p: TemplatePlan): Promise<Uint8Array> {
  return templateToXlsx(templatePlanSpec(p));
}
