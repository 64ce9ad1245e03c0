// The lock around every change to the store: a folder beside progress.json, made and kept
// fresh by proper-lockfile. Only "someone else holds it" is worth waiting for; anything else (a
// read-only or foreign folder, a full disk, a file where the lock folder goes) fails at once with
// a message in words.
import { lstatSync, statSync } from "node:fs";
import { CliError } from "../errors.js";
import { describeError } from "../files.js";

/**
 * A lock untouched for this long was left by a killed process and may be taken over. The holder
 * refreshes it every second while it works (a timer), and no step of a change blocks for long:
 * imports are capped and the state file stays small, so the limit is never reached by a live holder.
 */
export const LOCK_STALE_MS = 10_000;
/** How long to wait for another process's lock before giving up. */
const WAIT_MS = LOCK_STALE_MS + 5_000;

export class LockError extends CliError {}

export interface Held {
  /** Throws if another process has taken the lock over since it was acquired. */
  check(): void;
}

export async function withLock<T>(target: string, work: (held: Held) => Promise<T>, staleMs = LOCK_STALE_MS): Promise<T> {
  const lockPath = `${target}.lock`;
  const inTheWay = lstatSync(lockPath, { throwIfNoEntry: false });
  if (inTheWay && !inTheWay.isDirectory()) {
    throw new LockError(`cannot lock the progress store: ${lockPath} should be a folder (the lock) but something else is there; remove it and try again`);
  }
  // Loaded on the first write: commands that only read never pay for it.
  const { default: lockfile } = await import("proper-lockfile");
  let compromised: Error | undefined;
  const deadline = Date.now() + Math.max(WAIT_MS, staleMs + 5_000);
  let release: () => Promise<void>;
  for (let attempt = 0; ; attempt++) {
    try {
      release = await lockfile.lock(target, {
        realpath: false,
        stale: staleMs,
        update: Math.max(1_000, Math.floor(staleMs / 5)),
        retries: 0,
        onCompromised: (e) => {
          compromised = e;
        },
      });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ELOCKED") {
        throw new LockError(`cannot lock the progress store (${lockPath}): ${describeError(e)}`);
      }
      if (Date.now() > deadline) {
        throw new LockError(`the progress store is locked by another api-architect process (${lockPath}); if none is running, remove that folder and try again`);
      }
      await new Promise((r) => setTimeout(r, Math.min(100, 5 * 1.3 ** attempt) * (0.5 + Math.random())));
    }
  }
  // The lock folder we made: if it is replaced or gone, another process has broken in.
  const ino = statSync(lockPath, { throwIfNoEntry: false })?.ino;
  const held: Held = {
    check() {
      const now = statSync(lockPath, { throwIfNoEntry: false });
      if (compromised || !now || now.ino !== ino) {
        throw new LockError("another process took over the progress lock while this one was working; nothing was written, so try again");
      }
    },
  };
  try {
    return await work(held);
  } finally {
    await release().catch(() => {
      // Released already (taken over) or removed: nothing of ours is left to clean up.
    });
  }
}
