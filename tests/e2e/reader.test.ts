// The reader through a real terminal at 80×24 and 60×24, read through a terminal emulator.
import { describe, expect, it } from "vitest";
import { longCourse } from "../long-course.js";
import { KEY, type Screen } from "../screen.js";
import { screenTests } from "../screen-tests.js";

const t = screenTests({ env: (dir) => ({ API_ARCHITECT_CONTENT: longCourse(dir) }) });
const start = t.start;
const store = () => t.store();

/** Presses space until the header says "end", collecting every screen. */
async function pageThrough(s: Screen): Promise<string[][]> {
  const pages: string[][] = [s.lines()];
  for (let i = 0; i < 40 && !/ end$/.test(s.lines()[0]!); i++) {
    const before = s.text();
    await s.press(" ");
    await s.waitForChange(before);
    pages.push(s.lines());
  }
  return pages;
}

describe.each([
  [80, 24],
  [60, 24],
])("the reader at %i×%i", (cols, rows) => {
  it("keeps the header on top and the key bar at the bottom; nothing overflows; a table repeats its head; code says whose it is", async () => {
    const s = start(["learn", "1", "--section", "long"], { cols, rows });
    await s.waitFor("section 4 of 4");
    const pages = await pageThrough(s);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      expect(page[0]).toMatch(/^Module 01 · HTTP basics .*section 4 of 4 · /);
      expect(page.at(-1)).toMatch(/^space\/n (next|next section|finish) · .*q quit/);
      expect(page).toHaveLength(rows);
    }
    // Every row fits: nothing is wider than the terminal.
    expect(s.overflowing()).toEqual([]);
    // A page that starts inside the table repeats its head row at the top.
    const inTable = pages.filter((p) => /Row \d+ of the long/.test(p.slice(1, 5).join("\n")) && !p.join("\n").includes("Opening words"));
    expect(inTable.length).toBeGreaterThan(0);
    for (const p of inTable) expect(p.slice(1, 4).join("\n")).toMatch(/Code\s+│ Meaning/);
    // A page that starts inside the code says whose code it is.
    const inCode = pages.filter((p) => /^│ \/\/ line ([2-9]|[12]\d) of the long TypeScript/.test(p[2] ?? ""));
    expect(inCode.length).toBeGreaterThan(0);
    for (const p of inCode) expect(p[1]).toContain("┌ TypeScript (Express) · src/long.ts (continued)");
    // The wide code line wraps inside the gutter, its continuation marked.
    const all = pages.flat().join("\n");
    expect(all).toMatch(/│ const tsResult = await[^\n]*\n│ ↪ /);
    expect(all).toContain("wide-ts");
    expect(all).not.toContain("wide-py");
  });

  it("space and Enter always move forward, to the end of the module, where the default is the quiz", async () => {
    const s = start(["learn", "1"], { cols, rows });
    await s.waitFor("section 1 of 4");
    const seen: number[] = [];
    for (let i = 0; i < 40; i++) {
      const screen = s.text();
      if (screen.includes("Take the quiz")) break;
      const n = /section (\d) of 4/.exec(screen)?.[1];
      if (n) seen.push(Number(n));
      await s.press(i % 2 ? KEY.enter : " ");
      await s.waitForChange(screen);
    }
    // Never back: the sections only go up, and every one was passed through.
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen)).toEqual(new Set([1, 2, 3, 4]));
    const end = await s.waitFor(/It is\s+marked\s+as\s+read/);
    expect(end).toMatch(/❯ Take the quiz/);
    expect(store().lessons["http-basics"].completedAt).toBeTruthy();
    await s.press(KEY.enter);
    await s.waitFor(/Quiz · 01 HTTP basics — question 1 of 3/);
  });
});

describe("the reader", () => {
  it("keeps the line at the top when the terminal is resized, not the page number", async () => {
    const s = start(["learn", "1", "--section", "long"], { cols: 80, rows: 24 });
    await s.waitFor("Opening words");
    for (let i = 0; i < 3; i++) await s.press(KEY.down);
    await s.waitForGone("Opening words");
    const top = s.lines()[1]!.trim();
    const firstWord = top.split(/\s+/)[0]!;
    expect(firstWord.length).toBeGreaterThan(2);
    const before = s.text();
    s.resize(60, 24);
    await s.waitForChange(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.lines()[1]).toContain(firstWord);
    expect(s.overflowing()).toEqual([]);
    s.resize(120, 30);
    await new Promise((r) => setTimeout(r, 300));
    expect(s.lines()[1]).toContain(firstWord);
  });

  it("s shows this section's code in another stack (or all four), for this section only", async () => {
    const s = start(["learn", "1", "--section", "handler"], { cols: 100, rows: 40 });
    let screen = await s.waitFor("section 2 of 4");
    expect(screen).toContain("fixture-ts");
    expect(screen).not.toContain("fixture-py");
    await s.press("s");
    await s.waitFor("Show this section's code in");
    await s.choose("All four");
    screen = await s.waitFor("fixture-cs");
    for (const m of ["fixture-ts", "fixture-py", "fixture-php"]) expect(screen).toContain(m);
    expect(screen.split("\n")[0]).toContain("all stacks");
    // The next section and back: the learner's own stack again.
    await s.press(" ");
    await s.waitFor("section 3 of 4");
    await s.press("b");
    screen = await s.waitFor("section 2 of 4");
    expect(screen).toContain("fixture-ts");
    expect(screen).not.toContain("fixture-py");
    expect(store().settings.stack).toBe("typescript");
  });

  it("o follows a link (an FAQ answer, another lesson) and q comes back to the same place", async () => {
    const s = start(["learn", "1", "--section", "wrapping-up"], { cols: 80, rows: 24 });
    await s.waitFor("section 3 of 4");
    expect(s.lines().at(-1)).toContain("o links");
    await s.press("o");
    let screen = await s.waitFor("Links and terms in this text");
    expect(screen).toContain("Lesson: Caching basics › Fresh and stale");
    expect(screen).toContain("FAQ: Why learn HTTP before frameworks?");
    await s.choose("FAQ: Why learn HTTP");
    screen = await s.waitFor("Frameworks change");
    expect(screen.split("\n")[0]).toContain("FAQ · Why learn HTTP before frameworks?");
    await s.press("q");
    await s.waitFor("Links and terms in this text");
    await s.choose("Lesson: Caching basics");
    screen = await s.waitFor(/Module 02 · Caching basics .*section 1 of 2/);
    expect(screen.split("\n").at(-1)).toContain("q back");
    await s.press("q");
    await s.waitFor("Links and terms in this text");
    await s.press("q");
    await s.waitFor(/Module 01 · HTTP basics .*section 3 of 4/);
  });

  it("the jump list marks sections read (✓), here (▸) and not yet read (·); --section takes its numbers", async () => {
    const s = start(["learn", "1", "--section", "1"], { cols: 80, rows: 24 });
    await s.waitFor("section 1 of 4");
    await s.press(" ");
    await s.waitFor("section 2 of 4");
    await s.press("j");
    const screen = await s.waitFor("jump to a section");
    expect(screen).toMatch(/✓\s+1\. Requests/);
    expect(screen).toMatch(/▸\s+2\. A handler/);
    expect(screen).toMatch(/·\s+4\. A long section/);
    await s.choose("4. A long section");
    await s.waitFor("section 4 of 4");
  });

  it("a module is read when every section was shown, not when the last one is jumped to", async () => {
    const s = start(["learn", "1", "--section", "wrapping-up"], { cols: 80, rows: 24 });
    await s.waitFor("section 3 of 4");
    await s.press("j");
    await s.waitFor("jump to a section");
    await s.choose("4. A long section");
    await s.waitFor("section 4 of 4");
    await s.press("G");
    await s.press(" ");
    const screen = await s.waitFor("counts as read once every section has been shown");
    expect(screen).toContain("Read 1. Requests");
    expect(screen).toContain("Read 2. A handler");
    expect(store().lessons["http-basics"].completedAt).toBeUndefined();
    await s.choose("Read 1. Requests");
    await s.waitFor("section 1 of 4");
  });

  it("/ searches the course from a lesson and comes back to it", async () => {
    const s = start(["learn", "1"], { cols: 80, rows: 24 });
    await s.waitFor("section 1 of 4");
    await s.press("/");
    await s.waitFor("Search the course for:");
    await s.press(..."ttl", KEY.enter);
    await s.waitFor(/results for "ttl"/);
    await s.press("q");
    await s.waitFor("section 1 of 4");
  });
});

describe("long output goes through a pager on a terminal, never when piped", () => {
  it("roadmap taller than the screen opens in the built-in view; q quits", async () => {
    const s = start(["roadmap"], { cols: 80, rows: 12 }, { API_ARCHITECT_PAGER: "builtin" });
    const screen = await s.waitFor("Roadmap: from endpoints to systems");
    expect(screen.split("\n")[0]).toMatch(/^Roadmap\s+top$/);
    expect(screen.split("\n").at(-1)).toContain("q quit");
    await s.press("q");
    expect((await s.exited).code).toBe(0);
  });

  it("uses less -FRX when no pager is set", async () => {
    const s = start(["learn", "1", "--plain"], { cols: 80, rows: 12 }, { PAGER: undefined, API_ARCHITECT_PAGER: undefined, LESS: undefined });
    await s.waitFor("Module 01 · HTTP basics");
    // less waits for a key at the bottom of the first screen.
    await new Promise((r) => setTimeout(r, 300));
    expect(await Promise.race([s.exited.then(() => "exited"), new Promise((r) => setTimeout(() => r("waiting"), 300))])).toBe("waiting");
    await s.press("q");
    expect((await s.exited).code).toBe(0);
  });

  it("learn --plain on a terminal has no colour codes", async () => {
    const s = start(["learn", "1", "--plain"], { cols: 80, rows: 12 }, { API_ARCHITECT_PAGER: "builtin" });
    await s.waitFor("Module 01 · HTTP basics");
    await s.press(" ", " ", " ");
    await s.press("q");
    await s.exited;
    // eslint-disable-next-line no-control-regex
    expect(s.raw).not.toMatch(/\u001b\[[0-9;]*m/);
  });

  it("PAGER=cat prints straight out", async () => {
    const s = start(["roadmap"], { cols: 80, rows: 12 }, { PAGER: "cat" });
    expect((await s.exited).code).toBe(0);
    expect(s.raw).toContain("Roadmap: from endpoints to systems");
    expect(s.raw).not.toContain("\u001b[?1049h");
  });
});
