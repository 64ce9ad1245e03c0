// Module 03 of the real course, walked end to end as a learner would, at 80×24 and 60×24: every
// screen keeps its header and key bar, and no row is wider than the terminal.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, REAL_CONTENT, tempDir, testEnv } from "../helpers.js";
import { Screen } from "../screen.js";

let dir: string;
let screen: Screen | undefined;
beforeEach(() => {
  dir = tempDir();
  writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 2, settings: { stack: "csharp" } }));
});
afterEach(() => {
  screen?.kill("SIGKILL");
  cleanup(dir);
});

describe.each([
  [80, 24],
  [60, 24],
])("module 03 at %i×%i", (cols, rows) => {
  it("reads to the end with nothing overflowing", { timeout: 120_000 }, async () => {
    const s = (screen = new Screen(["learn", "3"], testEnv(dir, { API_ARCHITECT_CONTENT: REAL_CONTENT }), { cols, rows }));
    await s.waitFor("section 1 of");
    const sections = new Set<string>();
    let total = 0;
    let screens = 0;
    for (; screens < 600; screens++) {
      const lines = s.lines();
      if (lines.join("\n").includes("Take the quiz")) break;
      expect(lines[0], lines.join("\n")).toMatch(/^Module 03 · .*section \d+ of \d+ · /);
      expect(lines.at(-1)).toMatch(/^space\/n /);
      expect(s.overflowing(), lines.join("\n")).toEqual([]);
      const [, n, of] = /section (\d+) of (\d+)/.exec(lines[0]!)!;
      sections.add(n!);
      total = Number(of);
      const before = s.text();
      await s.press(" ");
      await s.waitForChange(before);
    }
    expect(sections.size).toBe(total);
    expect(await s.waitFor(/It is\s+marked\s+as\s+read/)).toBeTruthy();
    expect(s.overflowing()).toEqual([]);
    // How many screens a learner pages through, for the record.
    console.log(`module 03 at ${cols}×${rows}: ${screens} screens over ${sections.size} sections`);
  });
});
