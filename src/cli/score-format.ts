// dealer-mkt score's output: the ranked table for the terminal (CJK counted as two columns), JSON
// and CSV (cells that could run as formulas get a leading apostrophe, control characters replaced).
import path from "node:path";
import { CRITERIA, type Lang, type PlanScore } from "../core/rubric";
import { L } from "../core/lang";
import { printable } from "../core/printable";
import { ranked, type FileResult } from "./score";

const T = {
  rank: L("名次", "Rank"),
  file: L("文件", "File"),
  dealer: L("经销商", "Dealer"),
  total: L("总分", "Total"),
  percent: L("得分率", "Percent"),
  manualNote: L(
    "* 第 8 项（实际执行效果）计划中没有实际数据，需人工评分，暂计 0 分。",
    "* criterion 8 (actual results): no actual figures in the plan; a person should score it, counted as 0 for now.",
  ),
  overrideNote: L(
    "! 人工评分（来自工作簿中的评分卡），自动评分见 --json。",
    "! a person's override (from the scorecard in the workbook); the automatic score is in --json.",
  ),
};

/** Terminal width of a string: CJK and full-width characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function pad(s: string, width: number, right = false): string {
  const gap = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? gap + s : s + gap;
}

function cut(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + "…";
}

export function formatTable(results: readonly FileResult[], lang: Lang): string {
  const rows = ranked(results);
  const head = [
    T.rank[lang],
    T.file[lang],
    T.dealer[lang],
    T.total[lang],
    T.percent[lang],
    ...CRITERIA.map((c) => `C${c.id}`),
  ];
  const body = rows.map((r, i) => {
    const s = r.score as PlanScore;
    return [
      String(i + 1),
      cut(printable(path.basename(r.file)), 40),
      cut(printable(r.dealer ?? ""), 24),
      `${s.total}/40`,
      `${s.percent.toFixed(1)}%`,
      ...s.criteria.map((c) => {
        const o = s.overrides[c.id];
        return o ? `${o.score}!` : `${c.auto}${c.needsPerson ? "*" : ""}`;
      }),
    ];
  });
  const widths = head.map((h, j) => Math.max(displayWidth(h), ...body.map((b) => displayWidth(b[j]))));
  const numeric = (j: number) => j === 0 || j >= 3;
  const line = (cells: string[]) =>
    cells
      .map((c, j) => pad(c, widths[j], numeric(j)))
      .join("  ")
      .trimEnd();
  const lines = [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
  if (rows.some((r) => r.score?.criteria[7].needsPerson && r.score.overrides[8] === undefined))
    lines.push("", T.manualNote[lang]);
  if (rows.some((r) => Object.keys(r.score?.overrides ?? {}).length > 0)) lines.push(T.overrideNote[lang]);
  const legend = CRITERIA.map((c) => `C${c.id} ${c.name[lang]}`).join(lang === "zh-CN" ? ";" : "; ");
  lines.push(legend);
  return lines.join("\n") + "\n";
}

export function formatJson(results: readonly FileResult[], lang: Lang): string {
  const ok = ranked(results).map((r, i) => {
    const s = r.score as PlanScore;
    return {
      rank: i + 1,
      file: r.file,
      dealer: r.dealer,
      total: s.total,
      autoTotal: s.autoTotal,
      max: s.max,
      percent: s.percent,
      criteria: s.criteria.map((c) => ({
        id: c.id,
        key: c.key,
        name: c.name[lang],
        auto: c.auto,
        override: s.overrides[c.id] ?? null,
        needsPerson: c.needsPerson,
        evidence: c.evidence.map((e) => ({
          note: e.note[lang],
          ...(e.value !== undefined ? { value: e.value } : {}),
          ...(e.ref ? { ref: e.ref } : {}),
          ...(e.elements ? { elements: e.elements } : {}),
        })),
        suggestion: c.suggestion ? c.suggestion[lang] : null,
      })),
      ...(r.scoredCopy ? { scoredCopy: r.scoredCopy } : {}),
      ...(r.error ? { error: { code: r.error.code, message: r.error.message[lang] } } : {}),
    };
  });
  const errors = results
    .filter((r) => !r.ok)
    .map((r) => ({ file: r.file, code: r.error?.code, message: r.error?.message[lang] }));
  return JSON.stringify({ results: ok, errors }, null, 2) + "\n";
}

/**
 * A CSV cell. Cells a spreadsheet would take for a formula (= + - @, and tab/CR which some readers
 * strip first) get a leading apostrophe, so a crafted dealer name cannot run as a formula.
 */
export function csvCell(v: string | number): string {
  // Control characters (escape sequences, NUL) from a file never reach a terminal or a spreadsheet.
  // eslint-disable-next-line no-control-regex
  let s = String(v).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "\ufffd");
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(results: readonly FileResult[], lang: Lang): string {
  const head = [
    "rank",
    "file",
    "dealer",
    "total",
    "percent",
    ...CRITERIA.map((c) => `c${c.id}_${c.key}`),
    "c8_needs_person",
    "error",
  ];
  const lines = [head.join(",")];
  ranked(results).forEach((r, i) => {
    const s = r.score as PlanScore;
    lines.push(
      [
        i + 1,
        r.file,
        r.dealer ?? "",
        s.total,
        s.percent,
        ...s.criteria.map((c) => s.overrides[c.id]?.score ?? c.auto),
        s.criteria[7].needsPerson ? "yes" : "no",
        r.error ? r.error.message[lang] : "",
      ]
        .map(csvCell)
        .join(","),
    );
  });
  for (const r of results.filter((x) => !x.ok))
    lines.push(
      ["", r.file, "", "", "", ...CRITERIA.map(() => ""), "", r.error?.message[lang] ?? ""]
        .map(csvCell)
        .join(","),
    );
  // Excel opens UTF-8 CSV correctly only with a byte-order mark.
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
