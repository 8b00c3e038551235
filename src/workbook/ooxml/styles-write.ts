// Adding the add-in's looks (src/workbook/looks.ts) to a workbook's styles.xml: new fonts, fills,
// number formats, cell formats and conditional-format styles are appended, so every existing style
// index stays what it was (a dealer's own formatting is never renumbered).
import type { Look } from "../looks";
import { escapeAttr } from "./escape";
import { appendChildren, prefixed, selfClosing, setAttribute, Splicer } from "./splice";
import { attr, kid, kids, type XmlElement } from "./xml";

/** Number formats Excel knows by id; anything else becomes a custom format (id 164 and up). */
const BUILTIN_IDS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** CT_Stylesheet's children, in the order the schema requires. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
] as const;
type Collection = (typeof ORDER)[number];

const CHILD: Readonly<Record<Collection, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  cellStyles: "cellStyle",
  dxfs: "dxf",
};

export const FRESH_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/></styleSheet>`;

export class StyleAppender {
  private readonly existing: Record<Collection, number>;
  private readonly added: Record<Collection, string[]> = {
    numFmts: [],
    fonts: [],
    fills: [],
    borders: [],
    cellStyleXfs: [],
    cellXfs: [],
    cellStyles: [],
    dxfs: [],
  };
  private readonly memo = new Map<string, number>();
  private nextFmtId: number;
  private readonly fmtIds = new Map<string, number>();
  private readonly fontName: string;

  constructor(
    private readonly text: string,
    private readonly root: XmlElement,
  ) {
    const count = (c: Collection): number => {
      const el = kid(root, c);
      return el ? kids(el, CHILD[c]).length : 0;
    };
    this.existing = Object.fromEntries(ORDER.map((c) => [c, count(c)])) as Record<Collection, number>;
    const numFmts = kid(root, "numFmts");
    let max = 163;
    for (const f of numFmts ? kids(numFmts, "numFmt") : []) {
      const id = Number(attr(f, "numFmtId"));
      const code = attr(f, "formatCode");
      if (Number.isInteger(id)) max = Math.max(max, id);
      if (code !== undefined && Number.isInteger(id)) this.fmtIds.set(code, id);
    }
    this.nextFmtId = max + 1;
    const font0 = kid(root, "fonts")?.children.find((c) => c.local === "font");
    const name = font0 ? kid(font0, "name") : undefined;
    this.fontName = (name && attr(name, "val")) || "Calibri";
  }

  private add(c: Collection, xml: string): number {
    const key = `${c}|${xml}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const index = this.existing[c] + this.added[c].length;
    this.added[c].push(xml);
    this.memo.set(key, index);
    return index;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtin = BUILTIN_IDS[code];
    if (builtin !== undefined) return builtin;
    const known = this.fmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFmtId++;
    this.fmtIds.set(code, id);
    this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The cellXfs index of a look with a number format (both optional). */
  xf(look: Look | undefined, format: string | undefined): number {
    const fmt = this.numFmt(format);
    if (!look && fmt === 0) return 0;
    const fontId = look
      ? this.add(
          "fonts",
          `<font>${look.bold ? "<b/>" : ""}${look.italic ? "<i/>" : ""}<sz val="${look.size ?? 11}"/>` +
            `${look.fontColor ? `<color rgb="FF${look.fontColor}"/>` : '<color theme="1"/>'}` +
            `<name val="${escapeAttr(this.fontName)}"/><family val="2"/></font>`,
        )
      : 0;
    const fillId = look?.fill
      ? this.add(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const wrap = look?.wrap === true;
    return this.add(
      "cellXfs",
      `<xf numFmtId="${fmt}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
        `${fmt ? ' applyNumberFormat="1"' : ""}${look ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}` +
        (wrap ? ` applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` : "/>"),
    );
  }

  /** The dxfs index of a conditional format's look (font colour on a fill). */
  dxf(flag: { readonly fill: string; readonly fontColor: string }): number {
    return this.add(
      "dxfs",
      `<dxf><font><color rgb="FF${flag.fontColor}"/></font>` +
        `<fill><patternFill patternType="solid"><bgColor rgb="FF${flag.fill}"/></patternFill></fill></dxf>`,
    );
  }

  get changed(): boolean {
    return ORDER.some((c) => this.added[c].length > 0);
  }

  /** styles.xml with the new entries appended (the original text when nothing was added). */
  result(): string {
    if (!this.changed) return this.text;
    const s = new Splicer(this.text);
    const prefix = this.root.prefix;
    for (const [i, c] of ORDER.entries()) {
      const items = this.added[c];
      if (items.length === 0) continue;
      const el = kid(this.root, c);
      const total = this.existing[c] + items.length;
      const body = prefixed(items.join(""), prefix);
      if (el && selfClosing(this.text, el)) {
        // <dxfs count="0"/>: one replacement, or the count and the children would overlap.
        s.replace(el.start, el.end, prefixed(`<${c} count="${total}">`, prefix) + body + `</${el.name}>`);
      } else if (el) {
        appendChildren(s, el, body);
        setAttribute(s, el, "count", String(total));
      } else {
        const later = this.root.children.find((k) => ORDER.indexOf(k.local as Collection) > i);
        const at = later ? later.start : this.text.lastIndexOf("</", this.root.end - 1);
        s.insert(at, prefixed(`<${c} count="${total}">`, prefix) + body + prefixed(`</${c}>`, prefix));
      }
    }
    return s.result();
  }
}
