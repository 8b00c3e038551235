// The one XML escape of the package layer. Every text written into a part goes through here.

/**
 * XML 1.0 cannot hold most control characters at all, not even as references; they are dropped.
 * (Excel itself writes them as _x000B_ escapes in strings; a dropped control character is what a
 * user would see anyway.) Lone surrogates are dropped too: they are not characters.
 */
export function xmlSafe(s: string): string {
  // Fast path: most strings hold nothing to drop.
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    if (c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff)) continue;
    out += ch;
  }
  return out;
}

/** Text content: & < > escaped; a CR kept as a reference (a parser turns a raw CR into LF). */
export function escapeText(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

/**
 * An attribute value in double quotes: also " and the whitespace characters that attribute-value
 * normalisation would turn into spaces.
 */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
