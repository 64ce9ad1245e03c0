// What every screen test file sets up: a private store (with a stack chosen, unless a test wants
// the first run), screens killed after each test, and a way to read the store.
import { afterEach, beforeEach } from "vitest";
import { cleanup, readStore, tempDir, testEnv, writeStore } from "./helpers.js";
import { Screen } from "./screen.js";

export interface ScreenTests {
  /** This test's private folder (the store lives in it). */
  readonly dir: string;
  start(args: string[], size?: { cols: number; rows: number }, extra?: Record<string, string | undefined>): Screen;
  store(): any;
  /** Replaces the store with `progress` (an object written as JSON). */
  seed(progress: unknown): void;
}

export function screenTests(opts: { stack?: string | null; env?: (dir: string) => Record<string, string | undefined> } = {}): ScreenTests {
  let dir = "";
  let screens: Screen[] = [];
  const seed = (progress: unknown) => writeStore(dir, progress);
  beforeEach(() => {
    dir = tempDir();
    screens = [];
    if (opts.stack !== null) seed({ version: 2, settings: { stack: opts.stack ?? "typescript" } });
  });
  afterEach(() => {
    for (const s of screens) s.kill("SIGKILL");
    cleanup(dir);
  });
  return {
    get dir() {
      return dir;
    },
    start(args, size = { cols: 80, rows: 24 }, extra = {}) {
      const s = new Screen(args, testEnv(dir, { ...opts.env?.(dir), ...extra }), size);
      screens.push(s);
      return s;
    },
    // The store in one object, as format 1 and 2 had it: the state, the settings and the answer log.
    store: () => readStore(dir),
    seed,
  };
}
