import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/content/loader.js";
import { continuePoint, resumeSection, grade, MASTERY_THRESHOLD, moduleStatus, orphans, overall, shuffle, stageStatuses, stats, bar } from "../../src/learn/status.js";
import { applyAnswer, recordAnswer } from "../../src/learn/record.js";
import { emptyState as emptyProgress, type ProgressState as Progress } from "../../src/store/schema.js";
import { FIXTURE } from "../helpers.js";

const course = loadCourse(FIXTURE);
const [http, caching] = course.modules as [NonNullable<(typeof course.modules)[0]>, NonNullable<(typeof course.modules)[0]>];

function answered(p: Progress, module: string, question: string, correct: boolean, at: string) {
  applyAnswer(p, { module, question, choice: "x", correct, at, rating: correct ? 3 : 1 });
}
const T = "2026-01-01T00:00:00.000Z";

describe("module status", () => {
  it("is empty for a new learner", () => {
    const s = moduleStatus(http, emptyProgress());
    expect(s).toMatchObject({ read: false, started: false, sectionIndex: 0, answered: 0, correct: 0, passed: false });
  });
  it("counts only the latest answer to each question", () => {
    const p = emptyProgress();
    answered(p, "http-basics", "get-safe", true, "2026-01-02T00:00:00Z");
    answered(p, "http-basics", "get-safe", false, "2026-01-01T00:00:00Z"); // an older answer, imported later
    answered(p, "http-basics", "not-found", true, "2026-01-01T00:00:00Z");
    expect(p.questions["http-basics/get-safe"]).toEqual({ answers: 2, misses: 1, lastAt: "2026-01-02T00:00:00Z", lastCorrect: true });
    const s = moduleStatus(http, p);
    expect(s).toMatchObject({ answered: 2, correct: 2, passed: false }); // 2 of 3 < 70%
    answered(p, "http-basics", "read-handler", true, "2026-01-03T00:00:00Z");
    expect(moduleStatus(http, p).passed).toBe(true);
  });
  it("ignores answers to questions that no longer exist", () => {
    const p = emptyProgress();
    for (const q of ["gone-1", "gone-2", "gone-3"]) answered(p, "http-basics", q, true, "2026-01-01T00:00:00Z");
    answered(p, "http-basics", "get-safe", false, "2026-01-01T00:00:00Z");
    expect(moduleStatus(http, p)).toMatchObject({ answered: 1, passed: false });
    expect(overall(course, p).answered).toBe(1);
    expect(orphans(course, p).answers).toBe(3);
    expect(stats(course, p).mostMissed).toMatchObject([{ question: "get-safe", misses: 1 }]);
  });
});

describe("stages and overall progress", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it("derives stage progress from modules read and mastery, not from answers alone", () => {
    const p = emptyProgress();
    p.lessons["http-basics"] = { section: "wrapping-up", updatedAt: T, completedAt: T };
    let stages = stageStatuses(course, p, now);
    expect(stages.map((s) => [s.stage.id, s.progress, s.state])).toEqual([
      ["start", 0.5, "current"],
      ["scale", 0, "upcoming"],
    ]);
    // Right answers just given: every card is fresh, so recall is near certain.
    for (const q of http.quiz) recordAnswer(p, q, q.options.find((o) => o.correct)!.text, true, "good", "quiz", now);
    stages = stageStatuses(course, p, now);
    expect(stages.map((s) => s.state)).toEqual(["done", "current"]);
    expect(stages[0]!.modules[0]!.mastery).toBe(100);
    expect(stages[1]!.planned).toEqual([{ id: "queues", title: "Queues" }]);
    expect(overall(course, p, now)).toMatchObject({ modules: 2, read: 1, passed: 1, mastered: 1, percent: 50 });
  });
  it("lets mastery fade with time until the cards are reviewed", () => {
    const p = emptyProgress();
    p.lessons["http-basics"] = { section: "wrapping-up", updatedAt: T, completedAt: T };
    for (const q of http.quiz) recordAnswer(p, q, "x", true, "good", "quiz", now);
    const later = new Date("2026-09-01T12:00:00Z");
    const m = moduleStatus(http, p, later);
    expect(m.mastery).toBeLessThan(MASTERY_THRESHOLD);
    expect(m.due).toBe(3);
    expect(stageStatuses(course, p, later)[0]!.state).toBe("current");
  });
  it("keeps the learner's skill marks apart from the evidence", () => {
    const p = emptyProgress();
    p.marks.start = { http: { status: "skip", at: "2026-01-01T00:00:00Z" } };
    const [start] = stageStatuses(course, p, now);
    expect(start!.skills).toEqual([{ id: "http", name: "HTTP", mark: "skip" }, { id: "json", name: "JSON", mark: null }]);
    expect(start!.state).toBe("current");
    expect(start!.progress).toBe(0);
  });
  it("draws bars", () => {
    expect(bar(0.5, 10)).toBe("█████░░░░░");
    expect(bar(2, 4)).toBe("████");
  });
});

describe("where a lesson opens", () => {
  it("at the section reached, or from the start once the module is read", () => {
    const p = emptyProgress();
    expect(resumeSection(http, p)).toBe(0);
    p.lessons["http-basics"] = { section: "handler", updatedAt: T };
    expect(resumeSection(http, p)).toBe(1);
    p.lessons["http-basics"] = { section: "wrapping-up", updatedAt: T, completedAt: T };
    expect(resumeSection(http, p)).toBe(0);
    p.lessons["http-basics"] = { section: "a-section-since-removed", updatedAt: T };
    expect(resumeSection(http, p)).toBe(0);
  });
});

describe("continue", () => {
  it("resumes the lesson in progress at its section", () => {
    const p = emptyProgress();
    p.lessons["http-basics"] = { section: "handler", updatedAt: T };
    p.last = { kind: "lesson", module: "http-basics", section: "handler", at: T };
    expect(continuePoint(course, p)).toEqual({ module: http, section: 1, kind: "lesson" });
  });
  it("offers the quiz of a read module, then the next module", () => {
    const p = emptyProgress();
    p.lessons["http-basics"] = { section: "wrapping-up", updatedAt: T, completedAt: T };
    p.last = { kind: "lesson", module: "http-basics", section: "wrapping-up", at: T };
    expect(continuePoint(course, p)).toMatchObject({ module: http, kind: "quiz" });
    for (const q of http.quiz) answered(p, "http-basics", q.id, true, T);
    expect(continuePoint(course, p)).toMatchObject({ module: caching, kind: "lesson", section: 0 });
  });
});

describe("grading", () => {
  it("grades by option text, whatever the shuffle", () => {
    const q = http.quiz[0]!;
    expect(grade(q, "GET")).toMatchObject({ correct: true });
    const wrong = grade(q, "POST");
    expect(wrong.correct).toBe(false);
    expect(wrong.right.text).toBe("GET");
    expect(wrong.picked.explain).toBe("POST changes state.");
    expect(() => grade(q, "TRACE")).toThrow(/not an option/);
  });
  it("shuffles deterministically with a given random source and keeps every item", () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffle(items, random);
    expect(out.slice().sort()).toEqual(items);
    expect(out).not.toEqual(items);
  });
});
