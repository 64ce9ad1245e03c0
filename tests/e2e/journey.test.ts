// The main journey through a real terminal, read through a terminal emulator: first run, a
// lesson, its quiz, the roadmap, and coming back later.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, readStore, tempDir, testEnv, writeStore } from "../helpers.js";
import { answer, RIGHT } from "../quiz-answers.js";
import { KEY, Screen } from "../screen.js";

let dir: string;
let screens: Screen[] = [];
beforeEach(() => {
  dir = tempDir();
  screens = [];
});
afterEach(() => {
  for (const s of screens) s.kill();
  cleanup(dir);
});

function start(args: string[] = [], extra: Record<string, string | undefined> = {}, size = { cols: 100, rows: 40 }) {
  const s = new Screen(args, testEnv(dir, extra), size);
  screens.push(s);
  return s;
}
const store = () => readStore(dir);
const withStack = (stack = "typescript") => writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 2, settings: { stack } }));

describe("the journey through a real terminal", () => {
  it("first run → welcome and stack → part of a lesson → later: continue, finish, quiz, roadmap → continue again", async () => {
    // First run: the welcome page says what this is and where progress lives, and asks for a stack.
    let s = start();
    let screen = await s.waitFor("Which stack should code examples use?");
    expect(screen).toContain("Welcome to Fixture Course");
    expect(screen).toContain("2 modules (about 8 minutes of reading), 4 quiz questions");
    expect(screen.replace(/\n/g, "")).toContain(join(dir, "progress.json"));
    await s.choose("Python (FastAPI)");
    screen = await s.waitFor("Continue: read 01 HTTP basics (section 1 of 3)");
    await s.press(KEY.enter);
    screen = await s.waitFor(/HTTP basics .*section 1 of 3 · /);
    expect(screen).toContain("Requests");
    await s.press(" ");
    screen = await s.waitFor(/HTTP basics .*section 2 of 3 · /);
    expect(screen).toContain("fixture-py");
    expect(screen).not.toContain("fixture-ts");
    await s.press("q");
    await s.waitFor("Continue: read 01 HTTP basics (section 2 of 3)");
    await s.press("q");
    expect((await s.exited).code).toBe(0);
    expect(store().settings.stack).toBe("python");
    expect(store().lessons["http-basics"]).toMatchObject({ section: "handler" });

    // Later: Continue resumes at the section reached; read to the end; the quiz is the default there.
    s = start();
    screen = await s.waitFor("Continue: read 01 HTTP basics (section 2 of 3)");
    expect(screen).not.toContain("Which stack");
    await s.press(KEY.enter);
    screen = await s.waitFor(/HTTP basics .*section 2 of 3 · /);
    expect(screen).toContain("A handler");
    await s.press(KEY.enter);
    await s.waitFor(/HTTP basics .*section 3 of 3 · /);
    // Enter always moves forward: past the last section is the end of the module.
    await s.press(KEY.enter);
    screen = await s.waitFor(/It is\s+marked\s+as\s+read/);
    expect(screen).toMatch(/❯ Take the quiz/);
    expect(store().lessons["http-basics"].completedAt).toBeTruthy();
    await s.press(KEY.enter);

    // Three questions: the first answered wrongly; the end offers a retry of the one missed.
    await answer(s, false);
    await s.press(KEY.enter);
    await answer(s, true);
    await answer(s, true);
    screen = await s.waitFor("Score: 2 of 3");
    expect(screen).toContain("Next step: retry the 1 you missed");
    expect(screen).toMatch(/Read again: \d\. /);
    expect(store().answers).toHaveLength(3);
    await s.choose("retry the 1 you missed");
    await answer(s, true);
    screen = await s.waitFor("Module quiz passed");
    expect(store().answers).toHaveLength(4);
    await s.press("q");

    // Back home; the roadmap shows the stage done.
    await s.waitFor("Continue:");
    await s.choose("Roadmap");
    screen = await s.waitFor("Roadmap: from endpoints to systems");
    expect(screen).toMatch(/Stage 1 · Getting started[^\n]*done/);
    expect(screen).toContain("100%");
    expect(screen).toMatch(/Stage 2 · Going faster[^\n]*you are here/);
    await s.press("q");
    await s.waitFor("Continue:");
    await s.press("q");
    expect((await s.exited).code).toBe(0);

    // Starting again: Continue moves on to the next module. Ctrl+C ends with 130.
    s = start();
    screen = await s.waitFor("Continue: read 02 Caching basics (section 1 of 2)");
    expect(screen).toContain("50%");
    await s.press(KEY.enter);
    screen = await s.waitFor(/Caching basics .*section 1 of 2 · /);
    expect(screen).toContain("Fresh and stale");
    await s.press(KEY.ctrlC);
    expect((await s.exited).code).toBe(130);
    expect(s.text()).toContain("cancelled; what you already answered is saved");
  });

  it("Ctrl+C in the middle of a quiz exits 130 and keeps the answers already given", async () => {
    withStack();
    const s = start(["quiz", "1"]);
    await answer(s, true);
    await s.waitFor(/question 2 of 3/);
    await s.press(KEY.ctrlC);
    expect((await s.exited).code).toBe(130);
    const screen = s.text();
    expect(screen).toContain("cancelled; what you already answered is saved");
    expect(screen).not.toMatch(/\n\s+at /);
    expect(store().answers).toEqual([expect.objectContaining({ module: "http-basics", correct: true })]);
  });

  it("two terminals taking quizzes at the same time lose no answers", async () => {
    withStack();
    const one = start(["quiz", "1"]);
    const two = start(["quiz", "1"]);
    // Both start before either answers (a quiz stopped part way resumes, even from another terminal).
    for (const s of [one, two]) await s.waitFor(/question 1 of 3/);
    // Alternate: each terminal answers a question while the other waits at its own.
    for (let i = 1; i <= 3; i++) for (const s of [one, two]) await answer(s, true);
    for (const s of [one, two]) await s.waitFor("Score: 3 of 3");
    for (const s of [one, two]) {
      await s.press("q");
      await s.exited;
    }
    const answers = store().answers as { question: string }[];
    expect(answers).toHaveLength(6);
    expect(answers.map((a) => a.question).sort()).toEqual(["get-safe", "get-safe", "not-found", "not-found", "read-handler", "read-handler"]);
  });

  it("with NO_COLOR the screens have no colour codes", async () => {
    const s = start([], { NO_COLOR: "1" });
    await s.waitFor("Which stack should code examples use?");
    await s.press("1");
    await s.waitFor("Continue:");
    await s.press(KEY.enter);
    await s.waitFor(/section 1 of 3 · /);
    // eslint-disable-next-line no-control-regex
    expect(s.raw).not.toMatch(/\u001b\[[0-9;]*m/);
    await s.press(KEY.ctrlC);
    expect((await s.exited).code).toBe(130);
  });
});

describe("review and search through a real terminal", () => {
  it("reviews the due cards, interleaved, rating each, and reschedules them", async () => {
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const { rate } = await import("../../src/learn/schedule.js");
    const { emptyProgress } = await import("../../src/store/schema.js");
    const p = emptyProgress();
    p.settings.stack = "typescript";
    for (const [module, question] of [["http-basics", "get-safe"], ["http-basics", "not-found"], ["caching-basics", "ttl"]] as const) {
      p.cards[`${module}/${question}`] = rate(undefined, "good", new Date(ago(2)));
      p.answers.push({ module, question, choice: "x", correct: true, at: ago(2), rating: 3, source: "quiz" });
    }
    writeStore(dir, p);

    const s = start(["review"]);
    let screen = await s.waitFor(/Review · card 1 of 3 · /);
    const firstModule = /card 1 of 3 · (HTTP basics|Caching basics)/.exec(screen)![1];
    await answer(s, true);
    screen = await s.waitFor(/Review · card 2 of 3 · /);
    // Interleaved: the second card comes from the other module.
    expect(screen).not.toContain(`card 2 of 3 · ${firstModule}`);
    await answer(s, false);
    await s.press(KEY.enter);
    screen = await s.waitFor(/Review · card 3 of 3 · /);
    const right = RIGHT.find(([q]) => q.test(screen))![1];
    await s.choose(right);
    await s.waitFor("How sure were you?");
    await s.choose("Easy");
    screen = await s.waitFor("Reviewed 3 cards: 2 right.");
    await s.press("q");
    expect((await s.exited).code).toBe(0);

    const stored = store();
    const reviews = stored.answers.filter((a: { source: string }) => a.source === "review");
    expect(reviews).toHaveLength(3);
    expect(reviews.map((a: { rating: number }) => a.rating).sort()).toEqual([1, 3, 4]);
    const future = Object.values(stored.cards as Record<string, { due: string }>).filter((c) => new Date(c.due).getTime() > Date.now());
    expect(future.length).toBeGreaterThanOrEqual(2); // the wrong one may be due again within minutes
  });

  it("searches, opens a hit at its section with the words marked, and comes back to the results", async () => {
    withStack("python");
    const s = start(["search", "stale"], { FORCE_COLOR: "1" });
    let screen = await s.waitFor(/results for "stale"/);
    expect(screen).toContain("02 Caching basics › Fresh and stale");
    await s.choose("02 Caching basics › Fresh and stale");
    screen = await s.waitFor("section 1 of 2");
    expect(screen).toContain("Fresh and stale");
    expect(s.isInverse("stale")).toBe(true);
    await s.press("q");
    await s.waitFor(/results for "stale"/);
    await s.press("q");
    expect((await s.exited).code).toBe(0);
  });
});
