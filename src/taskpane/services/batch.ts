// Several plans at once, for both hosts: the files come from disk (in Excel too) and go through the
// scoring module's batch, which scores each on its own and ranks them; this only adapts picked Files
// and the scoring's results to the pane's view.
import { isRubricError, type CriterionId, type RubricError } from "../../core/rubric";
import { isWorkbookName, rankPlans, scoreWorkbooks, topSuggestion } from "../../scoring/batch";
import type { PlanScore } from "../../core/rubric";
import { overrideScore } from "./scoring";
import type { BatchPlan, BatchView } from "./types";

/** A folder's files carry their path inside it; picked files only their name. */
function nameOf(file: File): string {
  return file.webkitRelativePath || file.name;
}

function planView(p: {
  readonly file: string;
  readonly dealer: string;
  readonly score: PlanScore;
}): BatchPlan {
  return { file: p.file, dealer: p.dealer, score: p.score, top: topSuggestion(p.score) };
}

export async function scoreBatch(
  files: readonly File[],
  fromFolder: boolean,
  onProgress: (done: number, total: number) => void,
): Promise<BatchView> {
  const picked = fromFolder ? files.filter((f) => isWorkbookName(nameOf(f))) : files;
  const scored = await scoreWorkbooks(
    picked.map((f) => ({
      name: nameOf(f),
      size: f.size,
      read: async () => new Uint8Array(await f.arrayBuffer()),
    })),
    { onProgress },
  );
  return {
    plans: scored.plans.map(planView),
    failures: scored.failures.map((f) => ({ file: f.file, reason: f.reason })),
    skipped: files.length - picked.length,
  };
}

export function overrideInBatch(
  batch: BatchView,
  file: string,
  id: CriterionId,
  value: string | null,
  reason: string,
): BatchView | RubricError {
  const plan = batch.plans.find((p) => p.file === file);
  if (!plan) return batch;
  const next = overrideScore(plan.score, id, value, reason);
  if (isRubricError(next)) return next;
  const plans = batch.plans.map((p) => (p.file === file ? planView({ ...p, score: next }) : p));
  return { ...batch, plans: rankPlans(plans) };
}
