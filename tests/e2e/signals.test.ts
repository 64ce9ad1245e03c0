// Answers are saved before anything else can happen: a closed terminal, SIGTERM, SIGHUP or
// kill -9 at any prompt keeps every answer the screen confirmed, and the process ends cleanly.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RIGHT } from "../quiz-answers.js";
import type { Screen } from "../screen.js";
import { screenTests } from "../screen-tests.js";

const t = screenTests();
const start = (args: string[], extra: Record<string, string | undefined> = {}) => t.start(args, undefined, extra);
const store = () => t.store();

/** Picks the right answer of the question on screen and waits for "How sure were you?". */
async function answerRight(s: Screen) {
  const screen = await s.waitFor(/\n\s*❯ 1\. /);
  await s.choose(RIGHT.find(([q]) => q.test(screen))![1]);
  await s.waitFor(/How sure were you\?[\s\S]*❯ Good/);
}

describe("a right answer is saved when it is given, as Good", () => {
  it("is in the store while 'How sure were you?' is still on screen; kill -9 there loses nothing", async () => {
    const s = start(["quiz", "1"]);
    await answerRight(s);
    expect(store().answers).toEqual([expect.objectContaining({ correct: true, rating: 3, source: "quiz" })]);
    expect(Object.keys(store().cards)).toHaveLength(1);
    s.kill("SIGKILL");
    await s.gone();
    expect(store().answers).toHaveLength(1);
  });

  it("the how-sure choice then updates the rating and the card (Hard, Easy)", async () => {
    const { rate } = await import("../../src/learn/schedule.js");
    for (const [choice, rating, grading] of [["Hard", 2, "hard"], ["Easy", 4, "easy"]] as const) {
      t.seed({ version: 2, settings: { stack: "typescript" } });
      const s = start(["quiz", "1"]);
      await answerRight(s);
      // The order on screen is Hard, Good, Easy.
      expect(s.text()).toMatch(/Hard: [^\n]*\n[^\n]*Good: [^\n]*\n[^\n]*Easy: /);
      await s.press(choice[0]!.toLowerCase());
      await s.waitFor(/question 2 of 3/);
      const [a] = store().answers;
      expect(a.rating).toBe(rating);
      // The card is what FSRS gives for that rating at the moment of the answer.
      const card = store().cards[`http-basics/${a.question}`];
      expect(card).toEqual(rate(undefined, grading, new Date(a.at)));
      s.kill("SIGKILL");
      await s.gone();
    }
  });
});

describe("signals and a closed terminal end the process cleanly, answers kept", () => {
  it.each(["SIGTERM", "SIGHUP", "SIGINT"] as const)("%s at 'How sure were you?'", async (signal) => {
    const s = start(["quiz", "1"]);
    await answerRight(s);
    s.kill(signal);
    const exit = await s.exited;
    // Ended by the signal itself, as programs do, not by an error.
    expect(exit.signal).toBe({ SIGTERM: 15, SIGHUP: 1, SIGINT: 2 }[signal]);
    expect(s.raw).not.toMatch(/Error|\n\s+at |Assertion|EIO/);
    expect(store().answers).toEqual([expect.objectContaining({ correct: true, rating: 3 })]);
  });

  it("closing the terminal at a prompt ends the process without an EIO stack or a native assertion", async () => {
    const s = start(["quiz", "1"], { API_ARCHITECT_DEBUG: "1" });
    await answerRight(s);
    s.close();
    // Ended by the hang-up, not by an exception (exit 1, 7) or a native assertion (SIGABRT).
    expect(await s.exited).toEqual({ code: 0, signal: 1 });
    expect(s.raw).not.toMatch(/setRawMode|EIO|Assertion|\n\s+at /);
    expect(store().answers).toHaveLength(1);
    // The lock was released: another process can write at once.
    expect(() => readFileSync(join(t.dir, "progress.json.lock"))).toThrow();
  });

  it.each([
    ["the home menu", [], "Continue:"],
    ["the reader", ["learn", "1"], "section 1 of 3"],
    ["a search box", ["search", "zzzzqqq"], "Search the course for"],
    ["a confirmation", ["progress", "reset"], "Forget every lesson position"],
  ] as const)("SIGTERM and a closed terminal end %s at once", async (_what, args, text) => {
    for (const how of ["SIGTERM", "close"] as const) {
      const s = start([...args]);
      await s.waitFor(text);
      const started = Date.now();
      if (how === "close") s.close();
      else s.kill("SIGTERM");
      expect(await s.exited).toEqual({ code: 0, signal: how === "close" ? 1 : 15 });
      await s.gone();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(s.raw).not.toMatch(/\n\s+at |Assertion|EIO|unexpected error/);
    }
    // Nothing was wiped along the way.
    expect(store().settings.stack).toBe("typescript");
  });

  it("after SIGTERM the terminal is given back: the alternate screen is left and the cursor shown", async () => {
    const s = start(["learn", "1"]);
    await s.waitFor("section 1 of 3");
    s.kill("SIGTERM");
    await s.exited;
    expect(s.raw.lastIndexOf("\u001b[?1049l")).toBeGreaterThan(s.raw.lastIndexOf("\u001b[?1049h"));
    expect(s.raw.lastIndexOf("\u001b[?25h")).toBeGreaterThan(s.raw.lastIndexOf("\u001b[?25l"));
  });
});
