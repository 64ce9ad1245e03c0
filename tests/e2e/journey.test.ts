// The main journey through a real pseudo-terminal: first run, a lesson, its quiz, the roadmap,
// and coming back later.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, readStore, tempDir, testEnv } from "../helpers.js";
import { KEY, Session } from "../pty.js";

let dir: string;
let sessions: Session[] = [];
beforeEach(() => {
  dir = tempDir();
  sessions = [];
});
afterEach(() => {
  for (const s of sessions) s.kill();
  cleanup(dir);
});

function start(args: string[] = [], extra: Record<string, string | undefined> = {}, rows = 50) {
  const s = new Session(args, testEnv(dir, extra), 100, rows);
  sessions.push(s);
  return s;
}
const store = () => readStore(dir);

// The fixture quiz's right answers, by a phrase of the question.
const RIGHT: [RegExp, string][] = [
  [/Which method is safe/, "GET"],
  [/show 999/, "404"],
  [/What does this return/, '{"id": 7}'],
  [/What does a TTL limit/, "How long a cached entry is used"],
];
const WRONG: Record<string, string> = { GET: "POST", "404": "500", '{"id": 7}': "A 422 error", "How long a cached entry is used": "How many clients may connect" };

async function answer(s: Session, screen: string, correctly: boolean) {
  const right = RIGHT.find(([q]) => q.test(screen))?.[1];
  if (!right) throw new Error(`unknown question on screen:\n${screen}`);
  await s.choose(screen, correctly ? right : WRONG[right]!);
  if (correctly) {
    // A right answer is explained, then asks how sure the learner was; Enter means Good.
    await s.waitFor(/Right\.[\s\S]*How sure were you\?/);
    await s.press(KEY.enter);
  }
}

describe("the journey through a real terminal", () => {
  it("first run → stack → part of a lesson → later: continue, finish, quiz, roadmap → continue again", async () => {
    // First run: asked for a stack once.
    let s = start();
    let screen = await s.waitFor("Which stack should code examples use?");
    await s.choose(screen, "Python (FastAPI)");
    screen = await s.waitFor("What next?");
    expect(screen).toContain("Continue: read 01 HTTP basics (section 1/3)");
    await s.press(KEY.enter);
    screen = await s.waitFor("Section 1/3");
    expect(screen).toContain("Requests");
    await s.press(KEY.enter); // Next
    screen = await s.waitFor("Section 2/3");
    expect(screen).toContain("fixture-py");
    expect(screen).not.toContain("fixture-ts");
    await s.choose(screen, "Back to the menu");
    screen = await s.waitFor("What next?");
    await s.choose(screen, "Quit");
    expect(await s.exited).toBe(0);
    expect(store().settings.stack).toBe("python");
    expect(store().lessons["http-basics"]).toMatchObject({ section: "handler" });

    // Later: Continue resumes at the section reached; read to the end; take the quiz.
    s = start();
    screen = await s.waitFor("What next?");
    expect(screen).not.toContain("Which stack");
    expect(screen).toContain("Continue: read 01 HTTP basics (section 2/3)");
    await s.press(KEY.enter);
    screen = await s.waitFor("Section 2/3");
    expect(screen).toContain("A handler");
    await s.press(KEY.enter);
    screen = await s.waitFor("Section 3/3");
    expect(screen).toContain("marked as read");
    expect(store().lessons["http-basics"].completedAt).toBeTruthy();
    await s.choose(screen, "Take the quiz");

    // Three questions: the first answered wrongly, then a retry of the one missed.
    let wrongFirst = true;
    for (let i = 1; i <= 3; i++) {
      screen = await s.waitFor(/Your answer[\s\S]*❯/);
      await answer(s, screen, !wrongFirst);
      screen = wrongFirst ? await s.waitFor("Not quite") : screen;
      if (wrongFirst) expect(screen).toMatch(/Your answer:[\s\S]*The answer:/);
      wrongFirst = false;
      if (i < 3) {
        await s.waitFor("Next question");
        await s.press(KEY.enter);
      }
    }
    screen = await s.waitFor("Retry the 1 you missed?");
    expect(screen).toContain("Score: 2/3");
    expect(store().answers).toHaveLength(3);
    await s.press(KEY.enter);
    screen = await s.waitFor(/Your answer[\s\S]*❯/);
    await answer(s, screen, true);
    screen = await s.waitFor("Module quiz passed");
    expect(store().answers).toHaveLength(4);

    // The roadmap shows the stage done.
    screen = await s.waitFor("What next?");
    await s.choose(screen, "Roadmap");
    screen = await s.waitFor("Back to the menu");
    expect(screen).toMatch(/Stage 1 · Getting started[^\n]*done/);
    expect(screen).toContain("100%");
    expect(screen).toMatch(/Stage 2 · Going faster[^\n]*you are here/);
    await s.press(KEY.enter);
    screen = await s.waitFor("What next?");
    await s.choose(screen, "Quit");
    expect(await s.exited).toBe(0);

    // Starting again: Continue moves on to the next module.
    s = start();
    screen = await s.waitFor("What next?");
    expect(screen).toContain("50%");
    expect(screen).toContain("Continue: read 02 Caching basics (section 1/2)");
    await s.press(KEY.enter);
    screen = await s.waitFor("Section 1/2");
    expect(screen).toContain("Fresh and stale");
    await s.press(KEY.ctrlC);
    expect(await s.exited).toBe(130);
  });

  it("Ctrl+C in the middle of a quiz exits 130 and keeps the answers already given", async () => {
    const s = start(["quiz", "1"], { API_ARCHITECT_CONFIG_DIR: dir });
    let screen = await s.waitFor(/Your answer[\s\S]*❯/);
    await answer(s, screen, true);
    await s.waitFor("Next question");
    await s.press(KEY.enter);
    await s.waitFor(/Your answer[\s\S]*❯/);
    await s.press(KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expect(s.text).toContain("cancelled; what you already answered is saved");
    expect(s.text).not.toMatch(/\n\s+at /);
    expect(store().answers).toEqual([expect.objectContaining({ module: "http-basics", correct: true })]);
  });

  it("Ctrl+C at 'How sure were you?' still saves the answer, as Good", async () => {
    const s = start(["quiz", "1"]);
    const screen = await s.waitFor(/Your answer[\s\S]*❯/);
    const right = RIGHT.find(([q]) => q.test(screen))![1];
    await s.choose(screen, right);
    await s.waitFor(/How sure were you\?[\s\S]*❯/);
    await s.press(KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expect(store().answers).toEqual([expect.objectContaining({ correct: true, rating: 3, source: "quiz" })]);
    expect(Object.keys(store().cards)).toHaveLength(1);
  });

  it("two terminals taking quizzes at the same time lose no answers", async () => {
    writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 2, settings: { stack: "typescript" } }));
    const one = start(["quiz", "1"]);
    const two = start(["quiz", "1"]);
    // Alternate: each terminal answers a question while the other waits at its own prompt.
    for (let i = 1; i <= 3; i++) {
      for (const s of [one, two]) {
        const screen = await s.waitFor(/Your answer[\s\S]*❯/);
        await answer(s, screen, true);
        if (i < 3) {
          await s.waitFor("Next question");
          await s.press(KEY.enter);
        }
      }
    }
    for (const s of [one, two]) await s.waitFor(/Score: 3\/3/);
    for (const s of [one, two]) {
      await s.press(KEY.ctrlC);
      await s.exited;
    }
    const answers = store().answers as { question: string }[];
    expect(answers).toHaveLength(6);
    expect(answers.map((a) => a.question).sort()).toEqual(["get-safe", "get-safe", "not-found", "not-found", "read-handler", "read-handler"]);
  });

  it("pages a section that is taller than the window, so nothing scrolls out of sight", async () => {
    writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 2, settings: { stack: "typescript" } }));
    const s = start(["learn", "1", "--section", "handler"], {}, 16);
    let screen = await s.waitFor(/page 1 of (\d)[\s\S]*More: page 2/);
    const pages = Number(/page 1 of (\d)/.exec(screen)![1]);
    expect(pages).toBeGreaterThan(1);
    const seen = [screen];
    for (let p = 2; p <= pages; p++) {
      await s.press(KEY.enter);
      screen = await s.waitFor(new RegExp(`page ${p} of ${pages}[\\s\\S]*Back a page`));
      seen.push(screen);
    }
    // The start, the code and the end of the section each appeared on some page.
    const all = seen.join("\n");
    for (const part of ["A handler", "fixture-ts", "Not found"]) expect(all).toContain(part);
    await s.choose(screen, "Back to the menu");
    expect(await s.exited).toBe(0);
  });

  it("with NO_COLOR the menu has no colour codes", async () => {
    const s = start([], { NO_COLOR: "1" });
    await s.waitFor("Which stack should code examples use?");
    // eslint-disable-next-line no-control-regex
    expect(s.raw).not.toMatch(/\u001b\[[0-9;]*m/);
    await s.press(KEY.ctrlC);
    expect(await s.exited).toBe(130);
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
    writeFileSync(join(dir, "progress.json"), JSON.stringify(p));

    const s = start(["review"]);
    let screen = await s.waitFor(/Question 1 of 3 · [\s\S]*❯/);
    const firstModule = /Question 1 of 3 · (HTTP basics|Caching basics)/.exec(screen)![1];
    await answer(s, screen, true);
    await s.waitFor("Next card");
    await s.press(KEY.enter);
    screen = await s.waitFor(/Question 2 of 3 · [\s\S]*❯/);
    // Interleaved: the second card comes from the other module.
    expect(screen).not.toContain(`Question 2 of 3 · ${firstModule}`);
    await answer(s, screen, false);
    await s.waitFor("Not quite");
    await s.waitFor("Next card");
    await s.press(KEY.enter);
    screen = await s.waitFor(/Question 3 of 3 · [\s\S]*❯/);
    const right = RIGHT.find(([q]) => q.test(screen))![1];
    await s.choose(screen, right);
    screen = await s.waitFor("How sure were you?");
    await s.choose(screen, "Easy");
    await s.waitFor("Reviewed 3 cards: 2 right");
    expect(await s.exited).toBe(0);

    const stored = store();
    const reviews = stored.answers.filter((a: { source: string }) => a.source === "review");
    expect(reviews).toHaveLength(3);
    expect(reviews.map((a: { rating: number }) => a.rating).sort()).toEqual([1, 3, 4]);
    const future = Object.values(stored.cards as Record<string, { due: string; reps: number }>).filter((c) => new Date(c.due).getTime() > Date.now());
    expect(future.length).toBeGreaterThanOrEqual(2); // the wrong one may be due again within minutes
  });

  it("searches, opens a hit at its section, and comes back to the results", async () => {
    writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 2, settings: { stack: "python" } }));
    const s = start(["search", "stale"]);
    let screen = await s.waitFor(/results for "stale"[\s\S]*❯/);
    expect(screen).toContain("02 Caching basics › Fresh and stale");
    await s.choose(screen, "02 Caching basics › Fresh and stale");
    screen = await s.waitFor("Back to the results");
    expect(screen).toContain("Fresh and stale");
    expect(screen).toContain("section 1 of 2");
    await s.choose(screen, "Back to the results");
    screen = await s.waitFor(/results for "stale"[\s\S]*❯/);
    await s.choose(screen, "Back");
    expect(await s.exited).toBe(0);
  });
});
