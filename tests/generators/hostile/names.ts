// Entry names no writer may echo back and no terminal may print raw: traversal, absolute paths,
// drive letters, backslashes, NUL and ANSI escape sequences. Each is the base workbook (valid, with
// values) plus one extra entry, so a reader that only looks at the parts it needs would not notice —
// but the product writes packages back (share, restore, score --out), and would write the name.
import { book, utf8 } from "../package";
import { baseOptions } from "./container";

function withEntry(name: string | Uint8Array): Uint8Array {
  return book({ ...baseOptions(), extra: [{ name, data: utf8("#!/bin/sh\necho pwned\n") }] });
}

export const nameTraversal = (): Uint8Array => withEntry("../../x.sh");
export const nameAbsolute = (): Uint8Array => withEntry("/etc/x");
export const nameDrive = (): Uint8Array => withEntry("C:/Users/Public/x.bat");
export const nameBackslash = (): Uint8Array => withEntry("xl\\..\\..\\x.sh");
/** "xl/media/image1.png" NUL ".sh": C-string readers see one name, JavaScript another. */
export const nameNul = (): Uint8Array => withEntry("xl/media/image1.png\u0000.sh");
/** ESC [2J clears the screen, ESC ]0; sets the window title: printed raw, the name rewrites the terminal. */
export const nameEscape = (): Uint8Array =>
  withEntry("xl/\u001b[2J\u001b[1;31mpwned\u001b]0;owned\u0007.xml");
