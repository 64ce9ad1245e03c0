// A fixed-window limiter kept in memory. One process only: with several
// instances the counts belong in Redis (module 03 shows express-rate-limit).
export interface Verdict {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets. */
  resetIn: number;
}

export function fixedWindow(limit: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string, now = Date.now()): Verdict => {
    let w = windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    const resetIn = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    return {
      allowed: w.count <= limit,
      remaining: Math.max(0, limit - w.count),
      resetIn,
    };
  };
}
