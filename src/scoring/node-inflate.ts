// Node's zlib stops inflating at maxOutputLength, which is what keeps a lying zip entry bounded.
import { inflateRawSync } from "node:zlib";
import type { BoundedInflate } from "./safe-open";

export const nodeBoundedInflate: BoundedInflate = (data, maxBytes) => {
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      return "too-big";
    throw err;
  }
};
