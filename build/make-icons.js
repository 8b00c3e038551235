// Draws the add-in's icon (a funnel over a rising bar, on the brand's deep red) at the sizes the
// manifest names, as PNG, with no image tooling: a 4×4 supersampled rasteriser and zlib.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BG = [176, 30, 45];
const FG = [255, 255, 255];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1).
function inBackground(u, v) {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
}
function inFunnel(u, v) {
  if (v >= 0.2 && v <= 0.55) {
    const half = 0.32 - (v - 0.2) * 0.6;
    return Math.abs(u - 0.5) <= half;
  }
  return v > 0.55 && v <= 0.8 && Math.abs(u - 0.5) <= 0.07;
}

for (const size of SIZES) {
  const S = 4;
  const buf = png(size, (x, y) => {
    let bg = 0;
    let fg = 0;
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const u = (x + (i + 0.5) / S) / size;
        const v = (y + (j + 0.5) / S) / size;
        if (inBackground(u, v)) {
          if (inFunnel(u, v)) fg++;
          else bg++;
        }
      }
    const n = S * S;
    const a = (bg + fg) / n;
    if (a === 0) return [0, 0, 0, 0];
    const mix = (c) => Math.round((c[0] * bg + c[1] * fg) / (bg + fg));
    return [mix([BG[0], FG[0]]), mix([BG[1], FG[1]]), mix([BG[2], FG[2]]), Math.round(a * 255)];
  });
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), buf);
}
console.log(`icons: ${SIZES.join(", ")} px written to assets/`);
