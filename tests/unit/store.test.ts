import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prepareFile, Store } from "../../src/store/store.js";
import { cleanup, tempDir } from "../helpers.js";

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

describe("the progress store", () => {
  it("starts empty, saves changes to disk and reads them back fresh", async () => {
    const a = (await Store.open(dir));
    expect(a.path).toBe(join(dir, "progress.json"));
    expect(a.read()).toMatchObject({ version: 2, answers: [], lessons: {}, cards: {} });
    await a.update((p) => void p.answers.push({ module: "m", question: "q", choice: "c", correct: true, at: "t" }));
    const b = (await Store.open(dir));
    expect(b.read().answers).toHaveLength(1);
    expect(JSON.parse(readFileSync(a.path, "utf8")).answers[0].question).toBe("q");
  });

  it("keeps settings on reset", async () => {
    const s = (await Store.open(dir));
    await s.update((p) => {
      p.settings.stack = "php";
      p.lessons.x = { section: "a", updatedAt: "t" };
    });
    await s.reset();
    expect(s.read()).toMatchObject({ settings: { stack: "php" }, lessons: {} });
  });

  it("moves a file that is not JSON aside, says where, and starts fresh", async () => {
    const path = join(dir, "progress.json");
    writeFileSync(path, "{ this is not json");
    expect(await prepareFile(path, new Date("2026-11-24T10:00:00.000Z"))).toBeUndefined();
    const backup = `${path}.corrupt-2026-11-24T10-00-00-000Z`;
    expect(readFileSync(backup, "utf8")).toBe("{ this is not json");
    expect(existsSync(path)).toBe(false);
    expect(stderr).toContain(path);
    expect(stderr).toContain(backup);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("moves a valid JSON file of the wrong shape aside when opening", async () => {
    writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 1, answers: "lots" }));
    const s = (await Store.open(dir));
    expect(s.read().answers).toEqual([]);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.startsWith("progress.json.corrupt-"))).toHaveLength(1);
    expect(stderr).toMatch(/does not look like an api-architect progress file/);
  });

  it("leaves a good file alone", async () => {
    const s = (await Store.open(dir));
    await s.update((p) => void (p.settings.stack = "python"));
    const before = readFileSync(s.path, "utf8");
    expect(await prepareFile(s.path)).toBeUndefined();
    expect(readFileSync(s.path, "utf8")).toBe(before);
    expect(stderr).toBe("");
  });

  it("migrates a format 1 file, keeping the original beside it", async () => {
    const path = join(dir, "progress.json");
    const v1 = { version: 1, settings: { stack: "php" }, lessons: {}, answers: [{ module: "m", question: "q", choice: "c", correct: true, at: "2026-01-01T10:00:00.000Z" }] };
    writeFileSync(path, JSON.stringify(v1));
    const s = (await Store.open(dir));
    expect(s.read()).toMatchObject({ version: 2, settings: { stack: "php" }, cards: { "m/q": { reps: 1 } } });
    expect(JSON.parse(readFileSync(`${path}.v1.bak`, "utf8"))).toEqual(v1);
    expect(stderr).toBe("");
  });

  it("refuses a file from a newer version instead of overwriting it", async () => {
    const path = join(dir, "progress.json");
    writeFileSync(path, JSON.stringify({ version: 9, whatever: true }));
    await expect(Store.open(dir)).rejects.toThrow(/written by a newer api-architect \(format 9\)/);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ version: 9, whatever: true });
  });
});
