import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { Store } from "../../src/store/store.js";
import { withLock } from "../../src/store/lock.js";
import { recordAnswer, regrade } from "../../src/learn/record.js";
import { exportDocument } from "../../src/learn/transfer.js";
import type { Question } from "../../src/content/model.js";
import { noteStreamMade } from "../../src/output.js";
import { cleanup, ERRNO, tempDir } from "../helpers.js";

// Warnings go through process.stderr once it exists (as it does under the test runner), where they are captured.
noteStreamMade(2);

let dir: string;
let stderr: string;
beforeEach(() => {
  dir = tempDir();
  stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  cleanup(dir);
});

const T = (day: number, hour = 10) => new Date(Date.UTC(2026, 0, day, hour));
const q = (id: string): Question => ({ id, module: "m", type: "concept", prompt: "?", options: [] });
const files = () => readdirSync(dir).sort();
const state = () => JSON.parse(readFileSync(join(dir, "progress.json"), "utf8"));
const logFile = () => join(dir, state().log.file);
const logLines = () => readFileSync(logFile(), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

async function answer(s: Store, id: string, correct: boolean, when: Date) {
  await s.update((p) => void recordAnswer(p, q(id), correct ? "right" : "wrong", correct, "good", "quiz", when));
}

describe("the progress store", () => {
  it("reading creates nothing: no folder, no file", async () => {
    const where = join(dir, "not-yet");
    const s = await Store.open(where);
    expect(s.read()).toMatchObject({ version: 3, lessons: {}, cards: {}, questions: {} });
    expect(s.settings()).toEqual({});
    expect(existsSync(where)).toBe(false);
  });

  it("keeps settings, state and the answer log apart, and reads them back fresh", async () => {
    const a = await Store.open(dir);
    await a.updateSettings((x) => void (x.stack = "php"));
    await answer(a, "q1", true, T(1));
    await answer(a, "q1", false, T(2));
    expect(files()).toEqual(["answers.jsonl", "progress.json", "settings.json"]);
    expect(JSON.parse(readFileSync(join(dir, "settings.json"), "utf8"))).toEqual({ version: 1, stack: "php" });
    expect(logLines().map((x) => [x.question, x.correct])).toEqual([["q1", true], ["q1", false]]);
    const b = await Store.open(dir);
    expect(b.read().questions["m/q1"]).toEqual({ answers: 2, misses: 1, lastAt: T(2).toISOString(), lastCorrect: false });
    expect(b.read().cards["m/q1"]).toMatchObject({ reps: 2, last_review: T(2).toISOString() });
    expect(state()).not.toHaveProperty("answers");
    expect(b.exportAll().answers).toHaveLength(2);
  });

  it("keeps settings on reset, and forgets the log too", async () => {
    const s = await Store.open(dir);
    await s.updateSettings((x) => void (x.stack = "php"));
    await answer(s, "q1", true, T(1));
    await s.reset();
    expect(s.settings()).toEqual({ stack: "php" });
    expect(s.read()).toMatchObject({ lessons: {}, questions: {}, cards: {} });
    expect(readFileSync(logFile(), "utf8")).toBe("");
    expect(files().filter((f) => f.startsWith("answers"))).toHaveLength(1);
    expect((await Store.open(dir)).exportAll().answers).toEqual([]);
  });

  it("replays answers a killed writer appended to the log but not to the state", async () => {
    const s = await Store.open(dir);
    await answer(s, "q1", true, T(1));
    // What a writer killed between its two steps leaves: a line in the log, the state as before.
    appendFileSync(logFile(), `${JSON.stringify({ module: "m", question: "q2", choice: "x", correct: false, at: T(2).toISOString(), rating: 1, source: "quiz" })}\n`);
    const fresh = await Store.open(dir);
    expect(fresh.read().questions["m/q2"]).toMatchObject({ answers: 1, misses: 1 });
    expect(fresh.read().cards["m/q2"]).toMatchObject({ reps: 1 });
    await answer(fresh, "q3", true, T(3));
    expect(state().questions).toHaveProperty(["m/q2"]);
    expect(state().log.answers).toBe(3);
  });

  it("ignores a torn last line, and the next writer cuts it off", async () => {
    const s = await Store.open(dir);
    await answer(s, "q1", true, T(1));
    appendFileSync(logFile(), '{"module":"m","question":"q2","cho');
    const fresh = await Store.open(dir);
    expect(Object.keys(fresh.read().questions)).toEqual(["m/q1"]);
    await answer(fresh, "q3", true, T(3));
    expect(logLines().map((x) => x.question)).toEqual(["q1", "q3"]);
  });

  it("re-rating an answer replaces its rating and its card, and counts it once", async () => {
    const s = await Store.open(dir);
    let before: ReturnType<typeof s.read>["cards"][string] | undefined;
    await s.update((p) => {
      before = p.cards["m/q1"];
      recordAnswer(p, q("q1"), "right", true, "good", "quiz", T(1));
    });
    const good = s.read().cards["m/q1"]!;
    await s.update((p) => regrade(p, q("q1"), T(1).toISOString(), "easy", before));
    expect(s.read().cards["m/q1"]!.stability).toBeGreaterThan(good.stability);
    expect(s.read().questions["m/q1"]!.answers).toBe(1);
    expect(s.exportAll().answers).toEqual([expect.objectContaining({ question: "q1", choice: "right", rating: 4 })]);
    expect(s.exportAll().answers[0]).not.toHaveProperty("rerated");
  });

  it("keeps a quiz in progress and the first answer to each of its questions", async () => {
    const s = await Store.open(dir);
    await s.update((p) => void (p.quizzes = { m: { order: ["q1", "q2"], startedAt: T(2).toISOString() } }));
    await answer(s, "q1", false, T(1)); // before the attempt: not its answer
    await answer(s, "q1", true, T(3));
    await answer(s, "q1", false, T(4)); // a retry: the first answer stands
    expect(s.read().quizzes!.m!.answers).toEqual({ q1: { correct: true, at: T(3).toISOString() } });
  });

  it("refuses to write NaN or a date that is not a date, and leaves the file as it was", async () => {
    const s = await Store.open(dir);
    await answer(s, "q1", true, T(1));
    const before = readFileSync(join(dir, "progress.json"), "utf8");
    await expect(s.update((p) => void (p.time.m = Number.NaN))).rejects.toThrow(/does not match its schema/);
    await expect(s.update((p) => void (p.lessons.m = { section: "s", updatedAt: "yesterday" }))).rejects.toThrow(/not a date/);
    expect(readFileSync(join(dir, "progress.json"), "utf8")).toBe(before);
  });
});

describe("a rewrite of the whole log (import, migration, reset)", () => {
  it("switches to the new log only when the state naming it is in place", async () => {
    const s = await Store.open(dir);
    await answer(s, "q1", true, T(1));
    const before = { state: readFileSync(join(dir, "progress.json"), "utf8"), log: state().log.file };
    // A writer killed after writing a new log but before the state: its file is an orphan.
    writeFileSync(join(dir, "answers-orphan.jsonl"), "");
    const fresh = await Store.open(dir);
    expect(fresh.read().questions["m/q1"]!.answers).toBe(1);
    expect(fresh.exportAll().answers).toHaveLength(1);
    expect(readFileSync(join(dir, "progress.json"), "utf8")).toBe(before.state);
    await answer(fresh, "q2", true, T(2));
    expect(files().filter((f) => f.startsWith("answers"))).toEqual([before.log]);
  });
});

describe("files that cannot be used", () => {
  it("moves a file that is not JSON aside, says where in one line, and starts fresh", async () => {
    const path = join(dir, "progress.json");
    writeFileSync(path, "{ this is not json");
    const s = await Store.open(dir);
    expect(s.read().questions).toEqual({});
    const backups = files().filter((f) => f.startsWith("progress.json.corrupt-"));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), "utf8")).toBe("{ this is not json");
    expect(existsSync(path)).toBe(false);
    expect(stderr).toContain(path);
    expect(stderr).toContain(backups[0]);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("moves a JSON file of the wrong shape aside, naming what is wrong", async () => {
    writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 1, answers: "lots" }));
    (await Store.open(dir)).read();
    expect(files().filter((f) => f.startsWith("progress.json.corrupt-"))).toHaveLength(1);
    expect(stderr).toMatch(/does not look like an api-architect progress file \(answers: /);
  });

  it("recognises an export copied over progress.json and says how to import it", async () => {
    writeFileSync(join(dir, "progress.json"), JSON.stringify(exportDocument({ version: 3, settings: {}, lessons: {}, answers: [], cards: {}, time: {}, days: [], marks: {}, labs: {} })));
    (await Store.open(dir)).read();
    const backup = files().find((f) => f.startsWith("progress.json.corrupt-"))!;
    expect(stderr).toMatch(/is a progress export, not a progress file/);
    expect(stderr).toContain(`api-architect progress import ${join(dir, backup)}`);
  });

  it("never starts a write from a spoiled file: it is kept aside and the last good state is used", async () => {
    const s = await Store.open(dir);
    await s.updateSettings((x) => void (x.stack = "python"));
    for (let i = 1; i <= 5; i++) await answer(s, `q${i}`, true, T(i));
    await s.update((p) => void (p.lessons.m = { section: "s2", updatedAt: T(6).toISOString() }));
    // Another program leaves one invalid field while this process is open.
    const spoiled = state();
    spoiled.cards["m/q1"].due = "whenever";
    writeFileSync(join(dir, "progress.json"), JSON.stringify(spoiled));
    await answer(s, "q6", false, T(7));
    const now = state();
    expect(Object.keys(now.questions)).toHaveLength(6);
    expect(now.lessons.m.section).toBe("s2");
    expect(logLines()).toHaveLength(6);
    expect(s.settings()).toEqual({ stack: "python" });
    const backup = files().find((f) => f.startsWith("progress.json.corrupt-"))!;
    expect(JSON.parse(readFileSync(join(dir, backup), "utf8")).cards["m/q1"].due).toBe("whenever");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a fresh process meeting a spoiled file rebuilds answers and cards from the log", async () => {
    const s = await Store.open(dir);
    for (let i = 1; i <= 3; i++) await answer(s, `q${i}`, i !== 2, T(i));
    writeFileSync(join(dir, "progress.json"), '{"version":3,"cards":"oops"}');
    const fresh = await Store.open(dir);
    expect(Object.keys(fresh.read().questions).sort()).toEqual(["m/q1", "m/q2", "m/q3"]);
    expect(fresh.read().cards["m/q2"]).toMatchObject({ lapses: 0, reps: 1, state: 1 });
  });

  it("leaves a good file alone", async () => {
    const s = await Store.open(dir);
    await answer(s, "q1", true, T(1));
    const before = readFileSync(s.path, "utf8");
    (await Store.open(dir)).read();
    expect(readFileSync(s.path, "utf8")).toBe(before);
    expect(stderr).toBe("");
  });

  it.each([
    ["a FIFO", (path: string) => execFileSync("mkfifo", [path]), /not a regular file/],
    ["a link to /dev/zero", (path: string) => symlinkSync("/dev/zero", path), /not a regular file/],
    ["a link loop", (path: string) => (symlinkSync(`${path}.b`, path), symlinkSync(path, `${path}.b`)), /loop of symbolic links/],
    ["a folder", (path: string) => mkdirSync(path), /folder/],
  ])("progress.json as %s: reading carries on with a warning, writing refuses, nothing hangs", async (_name, make, message) => {
    const path = join(dir, "progress.json");
    make(path);
    const s = await Store.open(dir);
    expect(s.read().questions).toEqual({});
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(ERRNO);
    await expect(answer(s, "q1", true, T(1))).rejects.toThrow(message);
  });
});

describe("formats 1 and 2", () => {
  const v1 = { version: 1, settings: { stack: "php" }, lessons: {}, answers: [{ module: "m", question: "q", choice: "c", correct: true, at: "2026-01-01T10:00:00.000Z" }] };

  it("a reading command migrates in memory only; the first change writes format 3 and keeps the original", async () => {
    const path = join(dir, "progress.json");
    writeFileSync(path, JSON.stringify(v1));
    const s = await Store.open(dir);
    expect(s.settings()).toEqual({ stack: "php" });
    expect(s.read()).toMatchObject({ version: 3, cards: { "m/q": { reps: 1 } }, questions: { "m/q": { answers: 1 } } });
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(v1);
    expect(files()).toEqual(["progress.json"]);
    await answer(s, "q2", true, T(2));
    expect(files()).toEqual([state().log.file, "progress.json", "progress.json.v1.bak", "settings.json"]);
    expect(JSON.parse(readFileSync(`${path}.v1.bak`, "utf8"))).toEqual(v1);
    expect(state()).toMatchObject({ version: 3, log: { answers: 2 } });
    expect(logLines().map((a) => a.question)).toEqual(["q", "q2"]);
    expect((await Store.open(dir)).settings()).toEqual({ stack: "php" });
    expect(stderr).toBe("");
  });

  it("format 2 likewise, settings moving to settings.json", async () => {
    writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 2, settings: { color: "never", stack: {} }, answers: v1.answers, cards: {}, time: {}, days: [], marks: {} }));
    const s = await Store.open(dir);
    await s.update((p) => void (p.time.m = 5));
    expect(existsSync(join(dir, "progress.json.v2.bak"))).toBe(true);
    // A broken value ("stack": {} from an old bug) is dropped alone; the rest is kept.
    expect(JSON.parse(readFileSync(join(dir, "settings.json"), "utf8"))).toEqual({ version: 1, color: "never" });
    expect(s.exportAll().answers).toHaveLength(1);
  });

  it("a file from a newer version: reading warns once and carries on; changing refuses; the file is untouched", async () => {
    const path = join(dir, "progress.json");
    writeFileSync(path, JSON.stringify({ version: 9, whatever: true }));
    const s = await Store.open(dir);
    expect(s.read().questions).toEqual({});
    s.read();
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/written by a newer api-architect \(format 9\)/);
    await expect(answer(s, "q", true, T(1))).rejects.toThrow(/written by a newer api-architect \(format 9\)/);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ version: 9, whatever: true });
  });
});

describe("the lock", () => {
  it("a holder that works longer than the stale limit keeps its lock; the other waits and nothing is lost", async () => {
    const target = join(dir, "progress.json");
    const order: string[] = [];
    const slow = withLock(target, async () => {
      order.push("slow start");
      await new Promise((r) => setTimeout(r, 5_000)); // 2.5 times the stale limit below
      order.push("slow end");
    }, 2_000);
    await new Promise((r) => setTimeout(r, 200));
    const quick = withLock(target, async () => void order.push("quick"), 2_000);
    await Promise.all([slow, quick]);
    expect(order).toEqual(["slow start", "slow end", "quick"]);
  }, 20_000);

  it("a file where the lock folder goes fails at once, in words", async () => {
    writeFileSync(join(dir, "progress.json.lock"), "");
    const started = Date.now();
    await expect(answer(await Store.open(dir), "q", true, T(1))).rejects.toThrow(/progress\.json\.lock should be a folder/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("a config folder that is a file fails at once, in words", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    await expect(answer(await Store.open(file), "q", true, T(1))).rejects.toThrow(/cannot save progress in .*a-file: (it is a file, not a folder|something is already there|a part of the path is a file)/);
    expect((await Store.open(file)).read().questions).toEqual({});
  });
});
