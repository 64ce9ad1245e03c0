// Golden renders of the fixture course: each printing command, run in process with injected
// streams, at 60, 80 and 120 columns, with and without colour. Compared byte for byte with the
// files under tests/golden/. After a deliberate change, refresh them with
//   UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts
// and read the diff before committing it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, FIXTURE, ROOT, tempDir } from "./helpers.js";
import { run } from "../src/cli.js";

const GOLDEN = join(ROOT, "tests", "golden");
const update = Boolean(process.env.UPDATE_GOLDEN);
let dir: string;

beforeAll(() => {
  dir = tempDir("aa-golden-");
  // The course and caches come from the process environment; progress from the injected one.
  process.env.API_ARCHITECT_CONTENT = FIXTURE;
  process.env.API_ARCHITECT_CACHE_DIR = join(dir, "cache");
  mkdirSync(GOLDEN, { recursive: true });
});
afterAll(() => cleanup(dir));

/** Runs a command line in this process, as if piped, and returns what it printed. */
async function render(argv: string[], columns: number, color: boolean): Promise<string> {
  const out: string[] = [];
  const sink = { write: (s: string) => (out.push(s), true), on() {}, off() {}, isTTY: false };
  const env: NodeJS.ProcessEnv = { COLUMNS: String(columns), API_ARCHITECT_CONFIG_DIR: join(dir, "config"), ...(color ? { FORCE_COLOR: "1" } : {}) };
  const code = await run(argv, { io: { stdin: process.stdin, stdout: sink as never, stderr: sink as never, env } });
  expect(code).toBe(0);
  // The store's path is the only thing that differs between runs.
  return out.join("").replaceAll(join(dir, "config"), "<config>");
}

const CASES: [string, string[]][] = [
  ["learn-1", ["learn", "1"]],
  ["learn-2-python", ["learn", "2", "--stack", "python"]],
  ["learn-1-all-stacks", ["learn", "1", "--stack", "all", "--section", "handler"]],
  ["roadmap", ["roadmap"]],
  ["faq-list", ["faq"]],
  ["faq-why-http", ["faq", "why-http"]],
  ["explain-list", ["explain"]],
  ["explain-ttl", ["explain", "ttl"]],
  ["modules", ["modules"]],
  ["progress", ["progress"]],
  ["search-stale", ["search", "stale"]],
  ["help", ["--help"]],
];

describe.each([60, 80, 120])("golden renders at %i columns", (columns) => {
  it.each(CASES)("%s", async (name, argv) => {
    for (const color of [false, true]) {
      const text = await render(argv, columns, color);
      const file = join(GOLDEN, `${name}.${columns}.${color ? "color" : "plain"}.txt`);
      if (update || !existsSync(file)) writeFileSync(file, text);
      expect(text, file).toBe(readFileSync(file, "utf8"));
      if (!color) {
        expect(text).not.toContain("\u001b");
        // Plain text fits the width (the help's example commands are the one allowed exception).
        for (const line of text.split("\n")) if (!line.startsWith("  api-architect ")) expect(line.length, `${name}: ${line}`).toBeLessThanOrEqual(Math.min(columns, 100));
      }
    }
  });
});
