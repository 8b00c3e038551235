// Who wrote the plan: a 经销商/Dealer label, else the plan's title ("杭州西湖丰田4S店2026年第二季度营销计划",
// "Maple Motors Hyundai – Q2 2026 Marketing Plan"); the caller falls back to the file name.
import { hasContent } from "../../core/rubric";
import type { Grid } from "./grid";

const LABEL = /^(经销商|经销商名称|门店|门店名称|店名|公司|dealer|dealername|dealership|store|storename)$/iu;
const INLINE =
  /^(经销商|经销商名称|门店|门店名称|店名|dealer|dealer name|dealership|store)\s*[:：]\s*(.+)$/iu;

/** A name given by a label, in the first rows: "经销商：X", or "经销商 | X", or the label above X. */
export function labelledDealer(g: Grid): string | undefined {
  const lines = g.lines.filter((l) => l.row < 30);
  for (const [i, line] of lines.entries())
    for (const [k, c] of line.cells.entries()) {
      const inline = INLINE.exec(c.text);
      if (inline) return inline[2].trim();
      if (!LABEL.test(c.text.replace(/[\s:：]/g, ""))) continue;
      const right = line.cells.slice(k + 1).find((x) => hasContent(x.text));
      if (right) return right.text;
      const below = g.at(lines[i + 1] ?? line, c.col);
      if (below && lines[i + 1]?.row === line.row + 1 && hasContent(below.text)) return below.text;
    }
  return undefined;
}

const ZH_TITLE =
  /^(?:20\d\d年)?(.{2,24}?(?:4S店|4s店|中心|店|公司))\s*(?=20\d\d|[一二三四]季度|第[一二三四]季度|Q[1-4]|二〇|营销|市场|年度|工作)/u;
const EN_TITLE =
  /^(.{3,40}?)\s*(?:[–—:|-]\s*|\s)(?=Q[1-4]\b|20\d\d\b|(?:marketing|sales|quarterly|annual)\b)/iu;

/** The dealer named at the start of the plan's title, if it is there. */
export function titleDealer(g: Grid): string | undefined {
  for (const line of g.lines.slice(0, 3)) {
    const t = line.cells[0]?.text ?? "";
    const zh = ZH_TITLE.exec(t);
    if (zh) return zh[1].trim();
    const en = EN_TITLE.exec(t);
    if (en && /^[A-Z]/u.test(en[1]) && !/^(Q[1-4]|20\d\d|marketing|plan)\b/iu.test(en[1]))
      return en[1].trim();
  }
  return undefined;
}
