// Text from a file (a sheet name, a formula, a part name, a dealer's name) shown on a terminal or in
// a message: control characters, bidirectional overrides and line separators would let a crafted
// file rewrite the screen or hide what a line says, so each becomes U+FFFD. Used by the CLI's output
// and by every refusal message that names something from the file.

// C0 and C1 controls (tab and newline included), DEL, line/paragraph separators, bidi embeddings,
// overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(s: string, max = Infinity): string {
  const clean = s.replace(UNSAFE, "\ufffd");
  return clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
}
