// Small helpers for reading OOXML parts as text, shared by the adapters that edit or read the zip
// directly (exceljs drops what it does not model, so those parts are read without it).

/** Decodes the five predefined XML entities of an attribute value; &amp; last, so "&amp;lt;" stays "&lt;". */
export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
