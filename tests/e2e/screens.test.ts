// Lists, the quiz and way-finding through a real terminal at 60, 80 and 120 columns.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { longCourse } from "../long-course.js";
import { answer, RIGHT, WRONG } from "../quiz-answers.js";
import { KEY } from "../screen.js";
import { screenTests } from "../screen-tests.js";
import { emptyProgress } from "../../src/store/schema.js";
import { rate } from "../../src/learn/schedule.js";

const t = screenTests();
const start = t.start;
const store = () => t.store();
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe.each([60, 80, 120])("lists at %i columns", (cols) => {
  it("quiz options wrap with a hanging indent, and nothing overflows", async () => {
    const s = start(["quiz", "2", "--unanswered"], { cols, rows: 24 }, { API_ARCHITECT_CONTENT: longCourse(t.dir) });
    let screen = await s.waitFor(/❯ 1\. /);
    // Two questions, in either order: get to the one with long options.
    if (!screen.includes("fewest words")) {
      await answer(s, true);
      screen = await s.waitFor("fewest words");
    }
    expect(s.overflowing()).toEqual([]);
    const rows = s.lines();
    // Options are shuffled: find the long right one wherever it is.
    const first = rows.findIndex((l) => /^[❯ ] \d\. It keeps copies/.test(l));
    expect(first).toBeGreaterThan(0);
    const next = rows.findIndex((l, i) => i > first && /^([❯ ] \d\. |\s*$)/.test(l));
    const continuation = rows.slice(first + 1, next);
    if (cols < 120) expect(continuation.length).toBeGreaterThan(0);
    // Continuation rows line up under the text, after "❯ 1. ".
    for (const row of continuation) expect(row).toMatch(/^ {5}\S/);
    await s.press(/^[❯ ] (\d)\./.exec(rows[first]!)![1]!);
    await s.waitFor(/Right\.[\s\S]*How sure/);
    expect(s.overflowing()).toEqual([]);
  });

  it("the home menu, the module picker and its descriptions fit", async () => {
    const s = start([], { cols, rows: 24 });
    await s.waitFor("Continue:");
    expect(s.overflowing()).toEqual([]);
    await s.choose("Learn: pick a module");
    const screen = await s.waitFor("Which module?");
    expect(screen).toContain("What travels over the wire");
    expect(s.overflowing()).toEqual([]);
    // Opened from the menu, the way out is "back"; Esc goes there.
    expect(s.lines().at(-1)).toContain("q back");
    await s.press(KEY.escape);
    await s.waitFor("Continue:");
  });
});

describe("the quiz", () => {
  it("stopped part way, resumes at the first unanswered question (and Continue says so)", async () => {
    let s = start(["quiz", "1"]);
    await answer(s, true);
    await s.waitFor("question 2 of 3");
    await s.press("q");
    expect((await s.exited).code).toBe(0);
    expect(store().answers).toHaveLength(1);

    s = start(["quiz", "1"]);
    let screen = await s.waitFor("question 2 of 3 (resumed where you stopped)");
    expect(screen).not.toMatch(new RegExp(RIGHT.find(([, a]) => a === store().answers[0].choice)![0].source));
    await s.press("q");
    await s.exited;

    s = start([]);
    screen = await s.waitFor("Continue:");
    expect(screen).toContain("Continue: quiz on 01 HTTP basics (question 2 of 3)");
    await s.press(KEY.enter);
    await s.waitFor("question 2 of 3 (resumed where you stopped)");
    await answer(s, true);
    await answer(s, true);
    screen = await s.waitFor("Score: 3 of 3");
    expect(store().quizzes?.["http-basics"]).toBeUndefined();
  });

  it("--missed asks the questions whose latest answer is wrong; --unanswered the ones never answered", async () => {
    const p = emptyProgress();
    p.settings.stack = "typescript";
    p.answers.push({ module: "http-basics", question: "get-safe", choice: "POST", correct: false, at: ago(1), rating: 1, source: "quiz" });
    p.answers.push({ module: "http-basics", question: "not-found", choice: "404", correct: true, at: ago(1), rating: 3, source: "quiz" });
    t.seed(p);
    let s = start(["quiz", "1", "--missed"]);
    let screen = await s.waitFor("missed questions, 1 of 1");
    expect(screen).toContain("Which method is safe?");
    await s.press("q");
    await s.exited;
    s = start(["quiz", "1", "--unanswered"]);
    screen = await s.waitFor("unanswered questions, 1 of 1");
    expect(screen).toContain("What does this return");
  });

  it("says what was right without saying it twice, marks only the right option with ✔, and asks Hard / Good / Easy", async () => {
    const s = start(["quiz", "1"]);
    let screen = await s.waitFor(/❯ 1\. /);
    const right = RIGHT.find(([q]) => q.test(screen))![1];
    await s.choose(WRONG[right]!);
    screen = await s.waitFor("Not quite.");
    const picked = s.lines().find((l) => l.includes("(your answer)"))!;
    expect(picked).toContain("✘");
    expect(picked).not.toContain("✔");
    expect(s.lines().find((l) => l.includes(`. ${right}`) && !l.includes("(your answer)"))).toContain("✔");
    expect(screen).toMatch(/Your answer \(\d\):/);
    expect(screen).toMatch(/The right answer \(\d\):/);
    await s.press(KEY.enter);
    screen = await s.waitFor(/❯ 1\. /);
    await s.choose(RIGHT.find(([q]) => q.test(screen))![1]);
    screen = await s.waitFor("How sure were you?");
    expect(screen.match(/Right\./g)).toHaveLength(1);
    expect(screen).toMatch(/Hard: [^\n]*\n[^\n]*Good: [^\n]*\n[^\n]*Easy: /);
    expect(screen).toMatch(/❯ Good/);
    // No prompt is ever just a question mark.
    for (const l of s.lines()) expect(l).not.toMatch(/^\s*[?✔]\s*$/);
  });

  it("ends with the score, the sections to read again (one key away) and one next step", async () => {
    const s = start(["quiz", "1"]);
    await answer(s, false);
    await s.press(KEY.enter);
    await answer(s, true);
    await answer(s, true);
    const screen = await s.waitFor("Score: 2 of 3 (67%)");
    expect(screen).toContain("What to read again");
    expect(screen.match(/Next step:/g)).toHaveLength(1);
    const read = s.lines().find((l) => l.includes("Read again:"))!;
    const [, key, section] = /(\d)\. Read again: (\d)\./.exec(read)!;
    await s.press(key!);
    await s.waitFor(new RegExp(`HTTP basics .*section ${section} of 3 · `));
    await s.press("q");
    await s.waitFor("Score: 2 of 3 (67%)");
  });
});

describe("review", () => {
  it("after --limit, says how many cards are still due and how to review them", async () => {
    const p = emptyProgress();
    p.settings.stack = "typescript";
    for (const [module, question] of [["http-basics", "get-safe"], ["http-basics", "not-found"], ["caching-basics", "ttl"]] as const) {
      p.cards[`${module}/${question}`] = rate(undefined, "good", new Date(ago(20)));
      p.answers.push({ module, question, choice: "x", correct: true, at: ago(20), rating: 3, source: "quiz" });
    }
    t.seed(p);
    const s = start(["review", "--limit", "1"]);
    await s.waitFor("card 1 of 1");
    await answer(s, true);
    const screen = await s.waitFor("Reviewed 1 card: 1 right.");
    expect(screen).toMatch(/2 more cards are due[\s\S]*api-architect review/);
    expect(screen).not.toContain("Nothing is due");
    expect(screen).toContain("Review the 2 still due");
  });
});

describe("search", () => {
  it("a quiz hit says which question, and asks it before anything shows its answer", async () => {
    const s = start(["search", "safe", "method"], { cols: 100, rows: 30 });
    let screen = await s.waitFor(/results for "safe method"/);
    expect(screen).toContain("Quiz 01 HTTP basics › question 1 of 3");
    await s.choose("Quiz 01 HTTP basics › question 1 of 3");
    screen = await s.waitFor(/Which method is safe\?[\s\S]*❯ 1\. /);
    expect(screen).not.toContain("GET only reads");
    await s.choose("GET");
    screen = await s.waitFor("Right.");
    expect(screen).toContain("GET only reads");
  });
});

describe("way-finding", () => {
  it("started from `learn`, the picker's way out says quit; Esc quits", async () => {
    const s = start(["learn"]);
    await s.waitFor("Which module?");
    expect(s.lines().at(-1)).toContain("q quit");
    await s.press(KEY.escape);
    expect((await s.exited).code).toBe(0);
  });

  it("every picker goes back with Esc or q: settings, the stack picker, the FAQ", async () => {
    const s = start([]);
    await s.waitFor("Continue:");
    await s.choose("Settings");
    await s.waitFor("Colour: auto");
    await s.choose("Stack:");
    await s.waitFor("Show code in");
    await s.press(KEY.escape);
    await s.waitFor("Colour: auto");
    await s.press("q");
    await s.waitFor("Continue:");
    await s.choose("FAQ");
    await s.waitFor("FAQ · 2 questions");
    await s.press("q");
    await s.waitFor("Continue:");
    await s.choose("Glossary");
    await s.waitFor("Glossary · 2 terms");
    await s.choose("TTL");
    await s.waitFor("How long a cached value may be served");
    await s.press("q");
    await s.waitFor("Glossary · 2 terms");
    await s.press(KEY.escape);
    await s.waitFor("Continue:");
  });
});

describe("reference pages and code in questions", () => {
  const CONTRACT = join(import.meta.dirname, "..", "fixtures", "contract");
  it("learn encore opens the reference page in the reader, keeps no progress, and the home menu offers it", async () => {
    let s = start(["learn", "encore"], { cols: 80, rows: 24 }, { API_ARCHITECT_CONTENT: CONTRACT });
    let screen = await s.waitFor(/Reference · Encore at a glance .*section 1 of 2 · /);
    expect(screen).toContain("Shows have ids");
    expect(s.lines().at(-1)).toContain("q quit");
    await s.press(" ");
    await s.waitFor(/section 2 of 2 · /);
    await s.press(" ");
    expect((await s.exited).code).toBe(0);
    // Nothing was written: the store is as seeded, with no lesson in it.
    expect(store().lessons ?? {}).toEqual({});
    s = start([], { cols: 80, rows: 24 }, { API_ARCHITECT_CONTENT: CONTRACT });
    await s.waitFor("Continue:");
    await s.choose("Reference: Encore at a glance");
    await s.waitFor(/Reference · Encore at a glance .*section 1 of 2 · /);
    expect(s.lines().at(-1)).toContain("q back");
  });

  it("a question's code is shown in the learner's stack only", async () => {
    t.seed({ version: 2, settings: { stack: "python" } });
    const s = start(["quiz", "1"], { cols: 80, rows: 30 }, { API_ARCHITECT_CONTENT: CONTRACT });
    const screen = await s.waitFor(/unknown show\?[\s\S]*❯ 1\. /);
    expect(screen).toContain("┌ Python (FastAPI)");
    expect(screen).toContain("async def get_show");
    expect(screen).not.toContain("res.json(null)");
    expect(screen).not.toContain("Route::get");
  });
});
