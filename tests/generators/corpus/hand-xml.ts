// Corpus plans whose package parts were written by hand (tests/generators/corpus/xml/<id>/...):
// shared strings, a bold heading style, a formula with its cached value, a rich-text run and an
// inline string, the way small tools and scripts write .xlsx files. This only zips the parts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { zipSync, type Zippable } from "fflate";

export const HAND_XML_DIR = join(__dirname, "xml");

// A fixed time in every entry keeps a rebuilt file byte for byte the same.
const MTIME = new Date(Date.UTC(2026, 2, 20, 9, 0, 0));

function partsOf(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? partsOf(p, root) : [relative(root, p).split(sep).join("/")];
  });
}

export function handXmlIds(): string[] {
  return readdirSync(HAND_XML_DIR).filter((n) => statSync(join(HAND_XML_DIR, n)).isDirectory());
}

/** The package of one plan; [Content_Types].xml goes first, as Excel writes it. */
export function handXmlBytes(id: string): Uint8Array {
  const dir = join(HAND_XML_DIR, id);
  const parts = partsOf(dir).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b),
  );
  const zip: Zippable = {};
  for (const part of parts) zip[part] = [readFileSync(join(dir, part)), { mtime: MTIME }];
  return zipSync(zip, { level: 6 });
}
