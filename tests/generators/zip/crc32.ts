// CRC-32 (the ZIP/PNG polynomial 0xEDB88320), computed here rather than taken from a library, so the
// hostile generators can state a true CRC for content they never hold in memory: crc32Combine gives
// the CRC of A‖B from crc(A), crc(B) and len(B) (zlib's crc32_combine, GF(2) matrix squaring), and
// crc32Repeat the CRC of one unit repeated n times in O(log n) combines.

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of data, continuing from a previous CRC (0 to start). */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  let v = vec >>> 0;
  for (let i = 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= mat[i];
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n]);
}

/** CRC-32 of A‖B given crc(A), crc(B) and the length of B (any length up to 2^53). */
export function crc32Combine(crcA: number, crcB: number, lenB: number): number {
  if (lenB <= 0) return crcA >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the operator for one zero bit
  let row = 1;
  for (let n = 1; n < 32; n++) {
    odd[n] = row;
    row <<= 1;
  }
  gf2Square(even, odd); // two zero bits
  gf2Square(odd, even); // four zero bits
  let crc = crcA >>> 0;
  let len = lenB;
  // Apply len(B) zero bytes to crc(A), one power-of-two step at a time.
  do {
    gf2Square(even, odd);
    if (len % 2 === 1) crc = gf2Times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2 === 1) crc = gf2Times(odd, crc);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (crc ^ crcB) >>> 0;
}

/** CRC-32 of `unit` repeated `times` times, without building the repetition. */
export function crc32Repeat(unit: Uint8Array, times: number): number {
  let result = 0;
  let resultLen = 0;
  let power = crc32(unit); // CRC of unit repeated 2^k times
  let powerLen = unit.length;
  let n = times;
  while (n > 0) {
    if (n % 2 === 1) {
      result = resultLen === 0 ? power : crc32Combine(result, power, powerLen);
      resultLen += powerLen;
    }
    n = Math.floor(n / 2);
    if (n > 0) {
      power = crc32Combine(power, power, powerLen);
      powerLen *= 2;
    }
  }
  return result >>> 0;
}
