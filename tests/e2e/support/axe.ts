// axe-core in the page: serious and critical violations, minus tabster's known false positive.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./server";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/**
 * Fluent's focus manager (tabster) puts focusable, aria-hidden `<i data-tabster-dummy>` guards around
 * arrow-key groups such as the TabList; they only bounce focus to the right element. axe reports them
 * under aria-hidden-focus, a known false positive (microsoft/tabster#288, fluentui#27517 "by design",
 * suppressed the same way by Accessibility Insights). Only those exact nodes are discounted.
 */
function withoutTabsterGuards(violations: AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) =>
      v.id === "aria-hidden-focus"
        ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) }
        : v,
    )
    .filter((v) => v.nodes.length > 0);
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(ROOT, "node_modules/axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  });
}

/** Serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return withoutTabsterGuards(await axeViolations(page)).filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
}
