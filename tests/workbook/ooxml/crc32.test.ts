// The package layer's CRC-32 agrees with zlib's, whole and continued chunk by chunk (as the reader
// checks a part while it inflates).
import { crc32 as zlibCrc32 } from "node:zlib";
import { crc32 } from "../../../src/workbook/ooxml/crc32";

test("CRC-32 of known and random data, in one go and in chunks", () => {
  expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0))).toBe(0);
  const data = new Uint8Array(100_003).map((_, i) => (i * 2654435761) >>> 24);
  expect(crc32(data)).toBe(zlibCrc32(data));
  let c = 0;
  for (let i = 0; i < data.length; i += 4096) c = crc32(data.subarray(i, i + 4096), c);
  expect(c).toBe(zlibCrc32(data));
});
