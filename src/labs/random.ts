// Random values for a lab run. A run is random so that a hard-coded answer cannot pass and a
// server that kept its data from the last run still works; tests seed it to get the same values.
import { randomBytes } from "node:crypto";
import { v7 } from "uuid";

export interface Random {
  /** A UUIDv7, the shape Encore's ids have (servers may check the version). */
  uuid(): string;
  /** A short id for this run, used in titles and names. */
  hex(chars: number): string;
}

/** sfc32, seeded from a string: small, fast, and good enough for test data. */
function seeded(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0, b = (h * 31) >>> 0, c = (h * 17) >>> 0, d = (h * 7) >>> 0;
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
}

export function createRandom(seed?: string): Random {
  if (!seed) {
    return { uuid: () => v7(), hex: (n) => randomBytes(Math.ceil(n / 2)).toString("hex").slice(0, n) };
  }
  const next = seeded(seed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join("");
  let msecs = Date.UTC(2026, 0, 1);
  return {
    hex,
    uuid: () => v7({ msecs: msecs++, random: Uint8Array.from({ length: 16 }, () => Math.floor(next() * 256)) }),
  };
}
