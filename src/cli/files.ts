// Reading and writing the files a command is given, so that nothing of the user's is lost: inputs are
// checked for size before they are read (a folder, a huge file and a missing one each get their own
// line), and outputs are written to a temporary file beside the target and then moved into place, never
// replacing an existing file without --force and never, even with --force, an input of the same run
// (compared by device and inode, so no symbolic or hard link can smuggle the input in as the output).
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import path from "node:path";
import { L, type Localized } from "../core/lang";
import { printable } from "../core/printable";
import { LIMITS, refuse, type OpenError } from "../workbook/ooxml/limits";

export type ReadResult =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: OpenError };

/** An input file's bytes, or the reason it cannot be read (never read when it is a folder or too large). */
export function readInput(file: string): ReadResult {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, error: refuse.notFound() };
    return {
      ok: false,
      error: refuse.unreadable(code === "EACCES" ? "permission denied" : String(code ?? e)),
    };
  }
  if (st.isDirectory()) return { ok: false, error: refuse.folder() };
  if (!st.isFile()) return { ok: false, error: refuse.unreadable("not a regular file") };
  if (st.size > LIMITS.maxFileBytes) return { ok: false, error: refuse.tooLarge(st.size) };
  if (st.size === 0) return { ok: false, error: refuse.empty() };
  try {
    return { ok: true, bytes: new Uint8Array(readFileSync(file)) };
  } catch (e) {
    return { ok: false, error: refuse.unreadable((e as { code?: string }).code ?? String(e)) };
  }
}

/** Device and inode of a path through any links, or undefined when there is nothing there. */
function identity(p: string): string | undefined {
  try {
    const st = statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

export class WriteRefused extends Error {
  constructor(readonly text: Localized) {
    super(text["en-US"]);
    this.name = "WriteRefused";
  }
}

export interface WriteGuard {
  /** Allow replacing an existing file (never an input). */
  readonly force: boolean;
  /** Files of this run that must never be written over: the inputs (any link to them counts). */
  readonly protect: readonly string[];
}

/** Remembers the identities of a run's inputs and of what it already wrote. */
export class OutputGuard {
  private readonly inputs = new Set<string>();
  private readonly written = new Set<string>();

  constructor(private readonly guard: WriteGuard) {
    for (const p of guard.protect) {
      const id = identity(p);
      if (id) this.inputs.add(id);
    }
  }

  /** Writes bytes to `target` safely (see the file comment); throws WriteRefused with the reason. */
  write(target: string, bytes: Uint8Array): void {
    const shown = printable(target);
    let existing: Stats | undefined;
    try {
      existing = lstatSync(target);
    } catch {
      existing = undefined;
    }
    if (existing?.isDirectory())
      throw new WriteRefused(L(`输出位置是文件夹：${shown}`, `the output is a folder: ${shown}`));
    const id = identity(target);
    if (id && this.inputs.has(id))
      throw new WriteRefused(
        L(
          `输出文件就是输入文件（或指向它的链接），不会覆盖：${shown}`,
          `the output is an input file (or a link to one); it is never overwritten: ${shown}`,
        ),
      );
    if (id && this.written.has(id))
      throw new WriteRefused(
        L(
          `本次已写出过该文件，不会覆盖：${shown}`,
          `this run already wrote that file; it is not overwritten: ${shown}`,
        ),
      );
    if (existing && !this.guard.force)
      throw new WriteRefused(
        L(
          `输出文件已存在；如需覆盖请加 --force：${shown}`,
          `the output already exists; add --force to replace it: ${shown}`,
        ),
      );
    const dir = path.dirname(path.resolve(target));
    const tmp = path.join(
      dir,
      `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
    );
    // wx: a new file, never an existing one and never through a link.
    const fd = openSync(tmp, "wx", 0o644);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      if (existing) {
        // --force: the rename replaces the directory entry itself (a link is replaced, not followed).
        renameSync(tmp, target);
      } else {
        // No replacement at all: link fails if a file appeared meanwhile.
        linkSync(tmp, target);
        unlinkSync(tmp);
      }
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
      if ((e as { code?: string }).code === "EEXIST")
        throw new WriteRefused(
          L(
            `输出文件已存在；如需覆盖请加 --force：${shown}`,
            `the output already exists; add --force to replace it: ${shown}`,
          ),
        );
      throw e;
    }
    const now = identity(target);
    if (now) this.written.add(now);
  }
}

/** Exit codes of every dealer-mkt command (README: "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** Some file could not be read or written; the others were done. */
  failed: 1,
  /** The command line is wrong (unknown option, missing value). */
  usage: 2,
  /** share --check found DEALER cells showing #NAME?. */
  broken: 3,
} as const;
