// Sections: a heading that names an element opens it; the section ends at the next heading of the
// same or a higher level (never at a blank row). Deeper headings and tables stay inside it; a heading
// of the same level that names no element ("七、注意事项") closes it. Content lines that hold a label
// and numbers or dates become structured lines (budget, targets, schedule) of the section's element.
import { hasContent, type ElementId } from "../../core/rubric";
import { MILESTONE_LABEL, targetKind, type Collect } from "./collect";
import type { Grid, Line } from "./grid";
import { headingOf, Levels } from "./headings";
import { headerAt, readRow, type Table } from "./tables";
import { cellDate, isDateLike, readAmount } from "./values";
import { TOTAL_WORDS } from "./vocabulary";

interface Open {
  readonly id: ElementId | null;
  readonly level: number;
  lines: string[];
  ref: string;
}

const OWNER_LINE = /^(负责人|责任人|owner|responsible)\s*[:：]\s*(.+)$/imu;

/** With `tablesOnly` (the plan template's sheets) only tables are read: headings there are the template's. */
export function readSections(g: Grid, out: Collect, tablesOnly = false): void {
  const levels = new Levels();
  const stack: Open[] = [];
  let numbered = false;
  let table: Table | null = null;
  const close = (s: Open) => {
    if (s.id === null || tablesOnly) return;
    const text = s.lines.join("\n").trim();
    const owner = OWNER_LINE.exec(text)?.[2]?.trim();
    out.elements.push({ id: s.id, text, ref: s.ref, ...(owner ? { owner } : {}) });
  };
  const current = (): Open | undefined => [...stack].reverse().find((s) => s.id !== null);
  const addText = (line: Line, text: string, col: number) => {
    const s = current();
    if (!s || text === "") return;
    if (s.lines.length === 0) s.ref = g.ref(line, col);
    s.lines.push(text);
  };
  let rows = 0;
  for (const line of g.lines) {
    const h = headingOf(g, line);
    // A second header row right under the first ("1月 | 2月 …" under "计划投放(按月)") is part of it.
    if (table !== null && rows === 0 && !line.afterGap && headerAt(line)) continue;
    if (table !== null && (line.afterGap || (h !== null && line.cells.length === 1) || headerAt(line)))
      table = null;
    if (table !== null) {
      rows++;
      const id = readRow(g, table, line, { section: current()?.id ?? null, template: tablesOnly }, out);
      if (id === null) addText(line, line.cells.map((c) => c.text).join(" "), line.cells[0].col);
      continue;
    }
    const header = headerAt(line);
    if (header !== null) {
      table = header;
      rows = 0;
      addText(line, line.cells.map((c) => c.text).join(" "), line.cells[0].col);
      continue;
    }
    if (h !== null && !(h.style === "plain" && h.id === null && numbered)) {
      if (h.style !== "plain" && h.style !== "label") numbered = true;
      const level = levels.level(h);
      if (h.id !== null || stack.some((s) => s.level >= level)) {
        while (stack.length > 0 && stack[stack.length - 1].level >= level) {
          const s = stack.pop();
          if (s) close(s);
        }
        stack.push({ id: h.id, level, lines: h.inline ? [h.inline] : [], ref: g.ref(line, h.col) });
        if (h.id !== null && h.inline) structuredLine(g, line, h.id, out, 1);
        continue;
      }
    }
    const s = current();
    if (!s || tablesOnly) continue;
    addText(line, line.cells.map((c) => c.text).join(" "), line.cells[0].col);
    structuredLine(g, line, s.id as ElementId, out, 0);
  }
  while (stack.length > 0) {
    const s = stack.pop();
    if (s) close(s);
  }
}

const FIGURE = String.raw`(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|万|亿|元|台|辆|批|条|组|人|%)?`;
/** "销量424台（目标450台，达成94.2%）", "营销费用108万元（预算100万元）": an actual with its target in brackets. */
const TEXT_ACTUAL = new RegExp(
  String.raw`([\u3400-\u9fffA-Za-z]{2,10}?)\s*(?:实际)?\s*` +
    FIGURE +
    String.raw`\s*[（(]\s*(?:目标|预算|计划)\s*` +
    FIGURE,
  "gu",
);

export function textActuals(text: string, ref: string | undefined, out: Collect): void {
  for (const m of text.normalize("NFKC").matchAll(TEXT_ACTUAL)) {
    const actual = readAmount(`${m[2]}${m[3] ?? ""}`);
    const target = readAmount(`${m[4]}${m[5] ?? ""}`);
    if (actual === null || target === null) continue;
    out.actuals.push({ label: m[1], target: target.value, actual: actual.value, ...(ref ? { ref } : {}) });
  }
}

/** A section's line with a label and a number or a date: a budget line, a target, a dated item. */
function structuredLine(g: Grid, line: Line, id: ElementId, out: Collect, from: number): void {
  const cells = line.cells.slice(from);
  const texts = cells.filter((c) => readAmount(c.value) === null && !(typeof c.value === "number"));
  const nums = cells.filter((c) => readAmount(c.value) !== null);
  if (texts.length === 0 || texts[0].text.length > 40) return;
  const label = texts[0].text;
  const ref = g.ref(line, texts[0].col);
  const first = nums[0];
  const amount = first ? readAmount(first.value) : null;
  const look = first ? g.look(first) : undefined;
  if (id === "expenses" && amount && !TOTAL_WORDS.test(label.replace(/\s/g, "")))
    out.budget.push({ label, amount: amount.value, ref, ...(look ? { amountLook: look } : {}) });
  else if ((id === "marketingObjectives" || id === "financialObjectives") && amount && first) {
    const unit =
      texts.find((x) => x.col > first.col)?.text ?? (/[(（]([^)）]+)[)）]/u.exec(label)?.[1] || amount.unit);
    out.targets.push({
      label,
      value: amount.value,
      measure: unit,
      kind: id === "financialObjectives" ? "financial" : targetKind(label, unit),
      ref,
      ...(look ? { valueLook: look } : {}),
    });
  } else if (id === "schedule") {
    const dates = cells.filter((c) => c !== texts[0] && isDateLike(c.value)).map((c) => cellDate(c.value));
    if (dates.length === 0) return;
    const owner = texts.find((x) => x !== texts[0] && !isDateLike(x.value) && x.text.length <= 12)?.text;
    out.schedule.push({
      label,
      start: dates[0],
      ...(dates[1] ? { end: dates[1] } : {}),
      ...(owner && hasContent(owner) ? { owner } : {}),
      milestone: MILESTONE_LABEL.test(label),
      ref,
    });
  }
}
