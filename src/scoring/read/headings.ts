// Headings open sections. A heading is the first cell of a line that is numbered (一、 / 1. / 1.1 /
// （一） / 第二部分), bold, larger than the body text, a merged band, or that names an element, and
// that is short. Its level comes from its numbering style, in the order the sheet first uses the
// styles (as a reader of a document does): in a plan numbered 一、 the "1." lines are one level down.
import type { ElementId } from "../../core/rubric";
import type { Grid, Line } from "./grid";
import { elementOfLabel } from "./vocabulary";

export type HeadingStyle =
  "part" | "cn" | "arabic" | "dotted" | "paren-cn" | "paren-arabic" | "plain" | "label";

export interface Heading {
  readonly style: HeadingStyle;
  readonly id: ElementId | null;
  /** Text after "标题：" on the same cell, and the cells right of the heading. */
  readonly inline: string;
  readonly col: number;
  readonly title: string;
}

const NUMBERING: readonly (readonly [HeadingStyle, RegExp])[] = [
  ["part", /^第[0-9一二三四五六七八九十]+(部分|章|节)\s*[、.．:：]?\s*/u],
  ["cn", /^[一二三四五六七八九十]+\s*[、.．]\s*/u],
  ["dotted", /^\d{1,2}(\.\d{1,2})+\s*[、.．]?\s*/u],
  ["arabic", /^\d{1,2}\s*[、.．](?!\d)\s*|^\d{1,2}\s+(?=[^\d\s])/u],
  ["paren-cn", /^[(（][一二三四五六七八九十]+[)）]\s*/u],
  ["paren-arabic", /^[(（]\d{1,2}[)）]\s*|^\d{1,2}[)）]\s*/u],
];

/** Text without its numbering, and the numbering style, if any. */
export function numbering(text: string): { style: HeadingStyle | null; rest: string } {
  const t = text.normalize("NFKC").trim();
  for (const [style, re] of NUMBERING) {
    const m = re.exec(t);
    if (m) return { style, rest: t.slice(m[0].length).trim() };
  }
  return { style: null, rest: t };
}

const MAX_HEADING = 30;

/** A line's heading, or null when the line is content. */
export function headingOf(g: Grid, line: Line): Heading | null {
  const first = line.cells[0];
  if (!first || typeof first.value !== "string") return null;
  const text = first.text;
  const { style, rest } = numbering(text);
  const others = line.cells.slice(1).map((c) => c.text);
  // "执行概要：正文" / "活动：车展、节日促销": a label before a colon, its content after it. A colon
  // inside brackets ("费用预算(单位:元)") belongs to the heading.
  const colon = /^([^:：\n(（]{1,24})[:：]\s*([\s\S]*)$/u.exec(rest);
  if (colon) {
    const id = elementOfLabel(colon[1]);
    if (id) {
      const inline = [colon[2].trim(), ...others].filter((x) => x !== "").join(" ");
      return { style: style ?? "label", id, inline, col: first.col, title: colon[1] };
    }
  }
  if (rest.length > MAX_HEADING || rest === "" || /[。；;]$/u.test(rest)) return null;
  const id = elementOfLabel(rest);
  // A merged band alone is no heading: dealers merge paragraphs across the page too.
  const looks =
    first.bold || (first.size !== undefined && g.bodySize !== undefined && first.size > g.bodySize);
  if (style === null && id === null && !(looks && others.length === 0)) return null;
  // A numbered line with text beside it is a row of a list or table, unless it names an element.
  if (others.length > 0 && id === null) return null;
  return { style: style ?? "plain", id, inline: others.join(" "), col: first.col, title: rest };
}

/** True for a text line that reads as an element heading (used to spread pasted plans over lines). */
export function isHeadingText(text: string): boolean {
  const { rest } = numbering(text);
  if (rest.length > 40) return false;
  const head = /^([^:：(（]{1,30})[:：]/u.exec(rest)?.[1] ?? rest;
  return elementOfLabel(head) !== null;
}

/** Levels by first use of each style; unnumbered headings rank as the sheet's first style. */
export class Levels {
  private readonly order: HeadingStyle[] = [];
  level(h: Heading): number {
    const style = h.style === "plain" || h.style === "label" ? (this.order[0] ?? h.style) : h.style;
    let i = this.order.indexOf(style);
    if (i < 0) {
      this.order.push(style);
      i = this.order.length - 1;
    }
    return i + 1;
  }
}
