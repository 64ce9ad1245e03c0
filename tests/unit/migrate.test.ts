import { describe, expect, it } from "vitest";
import { foldLog, migrateProgress, stateOf, v1ToV2, v2ToV3 } from "../../src/store/migrate.js";
import { emptyProgress, emptyState, STORE_VERSION } from "../../src/store/schema.js";
import { exportDocument } from "../../src/learn/transfer.js";

const v1 = {
  version: 1 as const,
  settings: { stack: "python" as const },
  lessons: { "http-basics": { section: "handler", updatedAt: "2026-02-02T10:00:00.000Z" } },
  answers: [
    { module: "http-basics", question: "get-safe", choice: "POST", correct: false, at: "2026-02-01T10:00:00.000Z" },
    { module: "http-basics", question: "get-safe", choice: "GET", correct: true, at: "2026-02-03T10:00:00.000Z" },
    { module: "http-basics", question: "not-found", choice: "404", correct: true, at: "2026-02-01T11:00:00.000Z" },
  ],
  last: { kind: "quiz" as const, module: "http-basics", at: "2026-02-03T10:00:00.000Z" },
};

describe("store migrations", () => {
  it("1 → 2 keeps everything and rebuilds cards by replaying answers in time order", () => {
    const p = v1ToV2(v1);
    expect(p.version).toBe(2);
    expect(p.settings).toEqual(v1.settings);
    expect(p.lessons).toEqual(v1.lessons);
    expect(p.last).toEqual(v1.last);
    expect(p.answers.map((a) => [a.question, a.rating, a.source])).toEqual([
      ["get-safe", 1, "quiz"],
      ["get-safe", 3, "quiz"],
      ["not-found", 3, "quiz"],
    ]);
    expect(p.cards["http-basics/get-safe"]).toMatchObject({ reps: 2, lapses: 0, last_review: "2026-02-03T10:00:00.000Z" });
    expect(p.cards["http-basics/not-found"]).toMatchObject({ reps: 1, last_review: "2026-02-01T11:00:00.000Z" });
    expect(p.days).toEqual(["2026-02-01", "2026-02-02", "2026-02-03"]);
    expect(p).toMatchObject({ time: {}, marks: {} });
  });

  it("2 → 3 keeps everything, repairs what is not a date, and sums the answers up per question", () => {
    const now = new Date("2026-03-01T00:00:00.000Z");
    const v2 = v1ToV2(v1);
    v2.cards["http-basics/broken"] = { ...v2.cards["http-basics/get-safe"]!, due: "soon", last_review: "sometime" };
    v2.marks = { start: { http: { status: "done", at: "2026-02-05" } } };
    v2.time = { "http-basics": 120, other: -5 };
    const p = v2ToV3(v2, now);
    expect(p.version).toBe(3);
    expect(p.answers).toHaveLength(3);
    expect(p.cards["http-basics/get-safe"]).toEqual(v2.cards["http-basics/get-safe"]);
    expect(p.cards["http-basics/broken"]).toMatchObject({ due: now.toISOString() });
    expect(p.cards["http-basics/broken"]!.last_review).toBeUndefined();
    expect(p.marks.start!.http!.at).toBe("2026-02-05T00:00:00.000Z");
    expect(p.time).toEqual({ "http-basics": 120 });
    expect(p.labs).toEqual({});
    expect(stateOf(p).questions).toEqual({
      "http-basics/get-safe": { answers: 2, misses: 1, lastAt: "2026-02-03T10:00:00.000Z", lastCorrect: true },
      "http-basics/not-found": { answers: 1, misses: 0, lastAt: "2026-02-01T11:00:00.000Z", lastCorrect: true },
    });
  });

  it("recognises every format: current, older, newer, an export, and garbage", () => {
    const state = (({ newAnswers: _, ...s }) => s)(emptyState());
    expect(migrateProgress(state)).toEqual({ kind: "current", state });
    for (const [old, from] of [[v1, 1], [v1ToV2(v1), 2], [{ ...emptyProgress(), answers: [] }, 3]] as const) {
      const r = migrateProgress(old);
      expect(r.kind).toBe("migrated");
      expect(r.kind === "migrated" && r.from).toBe(from);
      expect(r.kind === "migrated" && r.progress.version).toBe(STORE_VERSION);
    }
    expect(migrateProgress({ version: 7 })).toEqual({ kind: "newer", version: 7 });
    expect(migrateProgress(exportDocument(emptyProgress()))).toEqual({ kind: "export" });
    expect(migrateProgress({ version: 1, answers: "no" })).toMatchObject({ kind: "invalid" });
    expect(migrateProgress([1, 2, 3])).toMatchObject({ kind: "invalid" });
    expect(migrateProgress(null)).toMatchObject({ kind: "invalid" });
    expect(migrateProgress({ version: 3, cards: { "m/q": { due: "not a date" } } })).toMatchObject({ kind: "invalid", problem: expect.stringContaining("cards.m/q") });
  });

  it("never takes any object with version 1 for a store", () => {
    expect(migrateProgress({ version: 1, format: "something-else", progress: {} })).toMatchObject({ kind: "invalid" });
    expect(migrateProgress({ version: 1, exportedAt: "2026-01-01T00:00:00.000Z", progress: { version: 2 } })).toMatchObject({ kind: "invalid" });
  });

  it("an answer with an unreadable date stays in the log but schedules nothing", () => {
    const p = v1ToV2({ ...v1, answers: [{ module: "m", question: "q", choice: "c", correct: true, at: "yesterday" }] });
    expect(p.answers).toHaveLength(1);
    expect(p.cards).toEqual({});
    expect(v2ToV3(p).answers[0]!.at).toBe("1970-01-01T00:00:00.000Z");
  });

  it("strips control characters and unknown fields from every record", () => {
    const r = migrateProgress({
      version: 2,
      answers: [{ module: "m\u001b]0;pwned\u0007", question: "q\u009b31m", choice: "c", correct: true, at: "2026-01-01T00:00:00.000Z", extra: { deep: [1, 2, 3] } }],
    });
    expect(r.kind).toBe("migrated");
    const a = r.kind === "migrated" ? r.progress.answers[0]! : undefined;
    expect(a).toEqual({ module: "m]0;pwned", question: "q31m", choice: "c", correct: true, at: "2026-01-01T00:00:00.000Z" });
  });

  it("folds a re-rated answer into one, with its latest rating; a re-rating of nothing is dropped", () => {
    const a = { module: "m", question: "q", choice: "c", correct: true, at: "2026-01-01T00:00:00.000Z", rating: 3 as const };
    const rerated = { ...a, choice: "", rating: 2 as const, rerated: true as const };
    expect(foldLog([a, rerated, a])).toEqual([{ ...a, rating: 2 }]);
    expect(foldLog([rerated])).toEqual([]);
  });
});
