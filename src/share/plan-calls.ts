/**
 * Finding DEALER calls in a formula: the quick text test, the test on a parsed formula, and the list
 * of the DEALER function ids a formula calls. Used by the planner (plan.ts, plan-rewrite.ts);
 * plan.ts re-exports them for the share paths that only look for DEALER calls.
 */
import { parseFormula, type Node } from "../core/formula";
import { dealerIdOf, type DealerId } from "./dealerNames";

/** Quick test before parsing: every spelling of our calls contains "dealer". */
export function mayCallDealer(formula: string): boolean {
  return /dealer/i.test(formula);
}

export function dealerCallId(node: Node): DealerId | undefined {
  return node.kind === "call" ? dealerIdOf(node.name.text) : undefined;
}

export function containsDealerCall(node: Node): boolean {
  switch (node.kind) {
    case "call":
      return dealerCallId(node) !== undefined || node.args.some(containsDealerCall);
    case "paren":
      return containsDealerCall(node.inner);
    case "unary":
    case "postfix":
      return containsDealerCall(node.operand);
    case "binary":
      return containsDealerCall(node.left) || containsDealerCall(node.right);
    default:
      return false;
  }
}

/** Lists the DEALER function ids a formula calls (empty when none, or when it does not parse). */
export function dealerCallsIn(formula: string): DealerId[] {
  if (!mayCallDealer(formula)) return [];
  const out: DealerId[] = [];
  const walk = (node: Node): void => {
    if (node.kind === "call") {
      const id = dealerIdOf(node.name.text);
      if (id) out.push(id);
      node.args.forEach(walk);
    } else if (node.kind === "paren") walk(node.inner);
    else if (node.kind === "unary" || node.kind === "postfix") walk(node.operand);
    else if (node.kind === "binary") {
      walk(node.left);
      walk(node.right);
    }
  };
  try {
    walk(parseFormula(formula).body);
  } catch {
    return [];
  }
  return out;
}
