import { describe, expect, it } from "vitest";
import { migrate, v1ToV2 } from "../../src/store/migrate.js";
import { emptyProgress, STORE_VERSION } from "../../src/store/schema.js";

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

  it("migrate() recognises every format: current, older, newer, and garbage", () => {
    expect(migrate(emptyProgress())).toEqual({ kind: "current", progress: emptyProgress() });
    const older = migrate(v1);
    expect(older.kind).toBe("migrated");
    expect(older.kind === "migrated" && older.from).toBe(1);
    expect(older.kind === "migrated" && older.progress.version).toBe(STORE_VERSION);
    expect(migrate({ version: 7 })).toEqual({ kind: "newer", version: 7 });
    expect(migrate({ version: 1, answers: "no" })).toEqual({ kind: "invalid" });
    expect(migrate([1, 2, 3])).toEqual({ kind: "invalid" });
    expect(migrate(null)).toEqual({ kind: "invalid" });
  });

  it("an answer with an unreadable date stays in the log but schedules nothing", () => {
    const p = v1ToV2({ ...v1, answers: [{ module: "m", question: "q", choice: "c", correct: true, at: "yesterday" }] });
    expect(p.answers).toHaveLength(1);
    expect(p.cards).toEqual({});
  });
});
