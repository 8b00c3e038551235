// Excel's date serials (the 1900 system): day 0 is 1899-12-30, because Excel counts the
// non-existent 1900-02-29, and every serial from 1900-03-01 on is days since 1899-12-30.

export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** A serial (days, with a fraction for the time) → milliseconds since 1970 (UTC). */
export function serialToMs(serial: number): number {
  return EXCEL_EPOCH_MS + serial * DAY_MS;
}

/** Milliseconds since 1970 (UTC) → a serial. */
export function msToSerial(ms: number): number {
  return (ms - EXCEL_EPOCH_MS) / DAY_MS;
}

/** A serial → "yyyy-mm-dd" (the day the serial falls on). */
export function serialToIso(serial: number): string {
  return new Date(serialToMs(Math.floor(serial + 1e-9))).toISOString().slice(0, 10);
}

/** "yyyy-mm-dd" → its serial. */
export function isoToSerial(iso: string): number {
  return msToSerial(Date.parse(`${iso}T00:00:00Z`));
}
