import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recoverIfCorrupt, Store } from "../../src/store/store.js";
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
  it("starts empty, saves changes to disk and reads them back fresh", () => {
    const a = Store.open(dir);
    expect(a.path).toBe(join(dir, "progress.json"));
    expect(a.read()).toMatchObject({ version: 1, answers: [], lessons: {} });
    a.update((p) => void p.answers.push({ module: "m", question: "q", choice: "c", correct: true, at: "t" }));
    const b = Store.open(dir);
    expect(b.read().answers).toHaveLength(1);
    expect(JSON.parse(readFileSync(a.path, "utf8")).answers[0].question).toBe("q");
  });

  it("keeps settings on reset", () => {
    const s = Store.open(dir);
    s.update((p) => {
      p.settings.stack = "php";
      p.lessons.x = { section: "a", updatedAt: "t" };
    });
    s.reset();
    expect(s.read()).toMatchObject({ settings: { stack: "php" }, lessons: {} });
  });

  it("moves a file that is not JSON aside, says where, and starts fresh", () => {
    const path = join(dir, "progress.json");
    writeFileSync(path, "{ this is not json");
    const backup = recoverIfCorrupt(path, new Date("2026-11-24T10:00:00.000Z"));
    expect(backup).toBe(`${path}.corrupt-2026-11-24T10-00-00-000Z`);
    expect(readFileSync(backup!, "utf8")).toBe("{ this is not json");
    expect(existsSync(path)).toBe(false);
    expect(stderr).toContain(path);
    expect(stderr).toContain(backup);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("moves a valid JSON file of the wrong shape aside when opening", () => {
    writeFileSync(join(dir, "progress.json"), JSON.stringify({ version: 1, answers: "lots" }));
    const s = Store.open(dir);
    expect(s.read().answers).toEqual([]);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.startsWith("progress.json.corrupt-"))).toHaveLength(1);
    expect(stderr).toMatch(/does not look like an api-architect progress file/);
  });

  it("leaves a good file alone", () => {
    const s = Store.open(dir);
    s.update((p) => void (p.settings.stack = "python"));
    expect(recoverIfCorrupt(s.path)).toBeUndefined();
    expect(stderr).toBe("");
  });
});
