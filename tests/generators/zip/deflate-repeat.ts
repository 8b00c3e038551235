// A raw deflate stream (RFC 1951) of head ‖ unit×times ‖ tail, written bit by bit without ever holding
// the inflated content: the first unit goes in a stored block, every further byte is a back-reference
// of length 258 at distance unit.length in one dynamic-Huffman block whose only codes are "copy 258"
// and "end of block" (1 bit each), and the rest goes in a final stored block. A gigabyte of repeated
// rows comes out as ~6 MB in ~50 ms, where fflate's Deflate needs 13 s to find the same matches.
import { crc32, crc32Combine, crc32Repeat } from "./crc32";

export interface Deflated {
  /** The raw deflate stream (ZIP method 8). */
  readonly compressed: Uint8Array;
  /** The true inflated size. */
  readonly size: number;
  /** The true CRC-32 of the inflated content. */
  readonly crc: number;
}

// Distance codes 0..29: base distance and extra bits (RFC 1951 §3.2.5).
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
// Order in which the code-length code lengths are sent.
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

class BitWriter {
  private buf: Uint8Array;
  private pos = 0;
  private bit = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }
  /** value's low n bits, least significant first (how deflate sends header fields and extra bits). */
  bits(value: number, n: number): void {
    for (let i = 0; i < n; i++) {
      if ((value >>> i) & 1) this.buf[this.pos] |= 1 << this.bit;
      if (++this.bit === 8) {
        this.bit = 0;
        this.pos++;
      }
    }
  }
  /** A Huffman code, most significant bit first. */
  code(code: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) this.bits((code >>> i) & 1, 1);
  }
  align(): void {
    if (this.bit !== 0) {
      this.bit = 0;
      this.pos++;
    }
  }
  bytes(data: Uint8Array): void {
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }
  done(): Uint8Array {
    this.align();
    return this.buf.slice(0, this.pos);
  }
}

function storedBlocks(w: BitWriter, data: Uint8Array, final: boolean): void {
  let off = 0;
  do {
    const n = Math.min(65535, data.length - off);
    const last = final && off + n === data.length;
    w.bits(last ? 1 : 0, 1);
    w.bits(0, 2);
    w.align();
    w.bits(n, 16);
    w.bits(~n & 0xffff, 16);
    w.bytes(data.subarray(off, off + n));
    off += n;
  } while (off < data.length);
}

function distanceCode(distance: number): number {
  for (let c = DIST_BASE.length - 1; c >= 0; c--) if (distance >= DIST_BASE[c]) return c;
  throw new Error(`bad distance ${distance}`);
}

/** Zero runs of the code-length alphabet: symbol 18 (11–138 zeros), 17 (3–10), 0 (one). */
function zeros(w: BitWriter, count: number, cl: Record<number, number>): void {
  let n = count;
  while (n > 0) {
    if (n >= 11) {
      const k = Math.min(138, n);
      w.code(cl[18], 2);
      w.bits(k - 11, 7);
      n -= k;
    } else if (n >= 3) {
      w.code(cl[17], 2);
      w.bits(n - 3, 3);
      n = 0;
    } else {
      w.code(cl[0], 2);
      n--;
    }
  }
}

export function deflateRepeat(head: Uint8Array, unit: Uint8Array, times: number, tail: Uint8Array): Deflated {
  const L = unit.length;
  if (L < 1 || L > 32768 || times < 1) throw new Error("deflateRepeat: unit of 1..32768 bytes, times ≥ 1");
  const periodic = L * times;
  const copies = Math.floor((periodic - L) / 258);
  const done = L + copies * 258;
  const rest = new Uint8Array(periodic - done + tail.length);
  for (let i = 0; i < periodic - done; i++) rest[i] = unit[(done + i) % L];
  rest.set(tail, periodic - done);

  const dist = distanceCode(L);
  const extra = DIST_EXTRA[dist];
  const first = new Uint8Array(head.length + L);
  first.set(head);
  first.set(unit, head.length);
  const capacity =
    first.length + rest.length + 10 * (Math.ceil((first.length + rest.length) / 65535) + 2) + 200;
  const w = new BitWriter(capacity + Math.ceil((copies * (2 + extra)) / 8));

  storedBlocks(w, first, false);
  if (copies > 0) {
    // Dynamic block header: 286 literal/length codes, dist+1 (at least 2) distance codes, 18
    // code-length codes (up to symbol 1 in CL_ORDER).
    const ndist = Math.max(dist, 1) + 1;
    w.bits(0, 1);
    w.bits(2, 2);
    w.bits(286 - 257, 5);
    w.bits(ndist - 1, 5);
    w.bits(18 - 4, 4);
    // Code-length alphabet: symbols 0, 1, 17, 18 with 2-bit codes, canonical order.
    const cl: Record<number, number> = { 0: 0, 1: 1, 17: 2, 18: 3 };
    for (let i = 0; i < 18; i++) w.bits(CL_ORDER[i] in cl ? 2 : 0, 3);
    // Literal/length lengths: only 256 (end of block) and 285 (length 258), 1 bit each.
    zeros(w, 256, cl);
    w.code(cl[1], 2); // 256
    zeros(w, 28, cl);
    w.code(cl[1], 2); // 285
    // Distance lengths: two 1-bit codes so the code is complete (0 or 1, and `dist`).
    const other = dist === 0 ? 1 : 0;
    for (let d = 0; d < ndist; d++) {
      if (d === dist || d === other) w.code(cl[1], 2);
      else zeros(w, 1, cl);
    }
    const distBit = dist > other ? 1 : 0; // canonical: the smaller symbol gets code 0
    const extraValue = L - DIST_BASE[dist];
    for (let i = 0; i < copies; i++) {
      w.bits(1, 1); // 285: copy 258 bytes (no extra bits)
      w.bits(distBit, 1);
      w.bits(extraValue, extra);
    }
    w.bits(0, 1); // 256: end of block
  }
  storedBlocks(w, rest, true);

  const crcHead = crc32(head);
  const crcBody = crc32Combine(crcHead, crc32Repeat(unit, times), periodic);
  return {
    compressed: w.done(),
    size: head.length + periodic + tail.length,
    crc: crc32Combine(crcBody, crc32(tail), tail.length),
  };
}
