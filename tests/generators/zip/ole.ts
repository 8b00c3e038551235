// A minimal OLE compound file (MS-CFB version 3: 512-byte sectors, one FAT sector, one directory
// sector), enough to be what Excel writes for a legacy .xls ("Workbook" stream holding a BIFF8 BOF)
// or a password-protected .xlsx (an "EncryptionInfo" and an "EncryptedPackage" stream). Each stream
// is padded to 4096 bytes so it lives in regular sectors and no mini stream is needed.

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

export interface OleStream {
  readonly name: string;
  readonly data: Uint8Array;
}

function dirEntry(
  name: string,
  type: 1 | 2 | 5,
  start: number,
  size: number,
  siblings: { right?: number; child?: number },
): Uint8Array {
  const e = new Uint8Array(128);
  const v = new DataView(e.buffer);
  for (let i = 0; i < name.length; i++) v.setUint16(i * 2, name.charCodeAt(i), true);
  v.setUint16(64, (name.length + 1) * 2, true);
  e[66] = type;
  e[67] = 1; // black
  v.setUint32(68, NOSTREAM, true); // left sibling
  v.setUint32(72, siblings.right ?? NOSTREAM, true);
  v.setUint32(76, siblings.child ?? NOSTREAM, true);
  v.setUint32(116, start, true);
  v.setUint32(120, size, true);
  return e;
}

/** CFB ordering of sibling names: shorter first, then by upper-case code units. */
function cfbCompare(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const A = a.toUpperCase();
  const B = b.toUpperCase();
  return A < B ? -1 : A > B ? 1 : 0;
}

export function oleFile(streams: readonly OleStream[]): Uint8Array {
  if (streams.length > 3) throw new Error("oleFile: at most 3 streams (one directory sector)");
  const sorted = [...streams].sort((a, b) => cfbCompare(a.name, b.name));
  const padded = sorted.map((s) => {
    const size = Math.max(4096, s.data.length);
    const sectors = Math.ceil(size / SECTOR);
    const body = new Uint8Array(sectors * SECTOR);
    body.set(s.data);
    return { name: s.name, body, size, sectors };
  });
  const dataSectors = padded.reduce((n, s) => n + s.sectors, 0);
  if (dataSectors + 2 > 128) throw new Error("oleFile: streams too large for one FAT sector");

  const fat = new Uint32Array(128).fill(FREESECT);
  fat[0] = FATSECT;
  fat[1] = ENDOFCHAIN; // the directory
  let next = 2;
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(next);
    for (let i = 0; i < s.sectors; i++) fat[next + i] = i === s.sectors - 1 ? ENDOFCHAIN : next + i + 1;
    next += s.sectors;
  }

  const header = new Uint8Array(SECTOR);
  const h = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  h.setUint16(24, 0x003e, true); // minor version
  h.setUint16(26, 0x0003, true); // major version 3
  h.setUint16(28, 0xfffe, true); // byte order
  h.setUint16(30, 9, true); // sector shift: 512
  h.setUint16(32, 6, true); // mini sector shift: 64
  h.setUint32(44, 1, true); // FAT sectors
  h.setUint32(48, 1, true); // first directory sector
  h.setUint32(56, 4096, true); // mini stream cutoff
  h.setUint32(60, ENDOFCHAIN, true); // first mini FAT sector
  h.setUint32(64, 0, true); // mini FAT sectors
  h.setUint32(68, ENDOFCHAIN, true); // first DIFAT sector
  h.setUint32(72, 0, true); // DIFAT sectors
  h.setUint32(76, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) h.setUint32(76 + i * 4, FREESECT, true);

  const dir = new Uint8Array(SECTOR);
  dir.set(dirEntry("Root Entry", 5, ENDOFCHAIN, 0, { child: padded.length ? 1 : NOSTREAM }), 0);
  padded.forEach((s, i) => {
    const right = i + 1 < padded.length ? i + 2 : NOSTREAM;
    dir.set(dirEntry(s.name, 2, starts[i], s.size, { right }), (i + 1) * 128);
  });
  for (let i = padded.length + 1; i < 4; i++) {
    const empty = new Uint8Array(128);
    new DataView(empty.buffer).setUint32(68, NOSTREAM, true);
    new DataView(empty.buffer).setUint32(72, NOSTREAM, true);
    new DataView(empty.buffer).setUint32(76, NOSTREAM, true);
    dir.set(empty, i * 128);
  }

  const out = new Uint8Array(SECTOR * (2 + dataSectors + 1));
  out.set(header, 0);
  out.set(new Uint8Array(fat.buffer), SECTOR);
  out.set(dir, SECTOR * 2);
  let off = SECTOR * 3;
  for (const s of padded) {
    out.set(s.body, off);
    off += s.body.length;
  }
  return out;
}

/** BIFF8 BOF (workbook globals) and EOF records: the start of a real .xls Workbook stream. */
export function biff8Workbook(): Uint8Array {
  return new Uint8Array([
    0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0x00, 0x00, 0x00, 0x00, 0x06,
    0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00,
  ]);
}
