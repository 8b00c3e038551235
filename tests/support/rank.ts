// Rank statistics for comparing an engine's ranking with a reviewer's (the scoring corpus).

/** 1-based ranks, highest value first; tied values share the mean of their ranks. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const out = new Array<number>(values.length);
  for (let k = 0; k < order.length;) {
    let j = k;
    while (j + 1 < order.length && order[j + 1].v === order[k].v) j++;
    const mean = (k + j) / 2 + 1;
    for (let m = k; m <= j; m++) out[order[m].i] = mean;
    k = j + 1;
  }
  return out;
}

/**
 * Spearman's rank correlation with ties (Pearson's correlation of the mean ranks); NaN when either
 * side has no spread, so a constant engine cannot pass for one that ranks.
 */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error("spearman: the two series differ in length");
  const ra = ranks(a);
  const rb = ranks(b);
  const n = ra.length;
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (ra[i] - ma) * (rb[i] - mb);
    va += (ra[i] - ma) ** 2;
    vb += (rb[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}
