// How the process ends when it is told to. Saves in flight are finished first, the terminal is
// put back the way it was, and then the process ends by the signal it got, as programs do when a
// terminal is closed (SIGHUP) or they are asked to stop (SIGTERM, SIGINT).
//
// Why re-raise instead of process.exit(): on exit, Node restores the terminal's modes and asserts
// that this worked; after a hang-up the terminal is gone, the call fails and Node aborts with a
// native assertion. Ending by the signal itself skips that step, and the exit status still says
// what happened (129, 130, 143 in a shell).

const pending = new Set<Promise<unknown>>();
const cleanups = new Set<() => void>();
let ending = false;
let installed = false;

/** Registers work (a save) that must finish before the process may end. */
export function track<T>(work: Promise<T>): Promise<T> {
  pending.add(work);
  const done = () => pending.delete(work);
  work.then(done, done);
  return work;
}

/** Waits for the work in flight, but not for ever: a stuck lock must not keep the process alive. */
export async function settle(timeoutMs = 5_000): Promise<void> {
  if (!pending.size) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([Promise.allSettled([...pending]), timeout]);
  clearTimeout(timer);
}

/** Something to undo before the process ends (raw mode, the alternate screen). Returns a remover. */
export function onCleanup(fn: () => void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

function runCleanups() {
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      // The terminal may be gone (EIO after a hang-up); there is nothing left to restore.
    }
  }
}

export function isEnding(): boolean {
  return ending;
}

/** Ends the process as if by `signal`, after saves in flight finish and the terminal is restored. */
export async function endBy(signal: "SIGHUP" | "SIGTERM" | "SIGINT"): Promise<never> {
  if (!ending) {
    ending = true;
    runCleanups();
    await settle();
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  // The signal ends the process; never resume the code that was waiting.
  return new Promise<never>(() => {});
}

/** Installs the handlers once, for commands that hold the terminal or write progress. */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ["SIGHUP", "SIGTERM", "SIGINT"] as const) process.on(signal, () => void endBy(signal));
}
