// What a reader needs of styles.xml: each cell format's number format code and its font's weight and
// size, so a snapshot can show values as the cell shows them and the plan reader can tell headings.
import { attr, kid, kids, type XmlElement } from "./xml";

/** Excel's built-in number formats (ECMA-376 §18.8.30), with the ids zh-CN Excel uses for dates. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy-mm-dd",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy-mm-dd h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export interface CellLook {
  /** Undefined for General. */
  readonly format?: string;
  readonly bold?: boolean;
  readonly size?: number;
}

export interface StylesRead {
  /** The look of style index s (a cell's s attribute); index 0 when absent. */
  look(s: number): CellLook;
}

const onOff = (el: XmlElement | undefined): boolean => {
  if (!el) return false;
  const v = attr(el, "val");
  return v === undefined || v === "1" || v === "true";
};

export function readStyles(root: XmlElement | undefined): StylesRead {
  if (!root) return { look: () => ({}) };
  const custom = new Map<number, string>();
  const numFmts = kid(root, "numFmts");
  for (const f of numFmts ? kids(numFmts, "numFmt") : []) {
    const id = Number(attr(f, "numFmtId"));
    const code = attr(f, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const fontsEl = kid(root, "fonts");
  const fonts = (fontsEl ? kids(fontsEl, "font") : []).map((f) => {
    const sz = Number(kid(f, "sz") ? attr(kid(f, "sz") as XmlElement, "val") : NaN);
    return { bold: onOff(kid(f, "b")), size: Number.isFinite(sz) ? sz : undefined };
  });
  const defaultSize = fonts[0]?.size;
  const xfsEl = kid(root, "cellXfs");
  const looks: CellLook[] = (xfsEl ? kids(xfsEl, "xf") : []).map((x) => {
    const id = Number(attr(x, "numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    const font = fonts[Number(attr(x, "fontId") ?? 0)];
    return {
      ...(code !== undefined && code !== "General" ? { format: code } : {}),
      ...(font?.bold ? { bold: true } : {}),
      ...(font?.size !== undefined && font.size !== defaultSize ? { size: font.size } : {}),
    };
  });
  return { look: (s) => looks[s] ?? looks[0] ?? {} };
}
