import { describe, expect, it } from "vitest";
import { exportDocument, merge, readExport } from "../../src/learn/transfer.js";
import { emptyProgress, type Progress } from "../../src/store/schema.js";
import { rate } from "../../src/learn/schedule.js";

function progress(build: (p: Progress) => void): Progress {
  const p = emptyProgress();
  build(p);
  return p;
}
const a = (question: string, at: string, correct = true) => ({ module: "m", question, choice: "c", correct, at, rating: (correct ? 3 : 1) as 1 | 3, source: "quiz" as const });

describe("export documents", () => {
  it("round-trips through readExport", () => {
    const p = progress((x) => void x.answers.push(a("q1", "2026-01-01T00:00:00.000Z")));
    const doc = JSON.parse(JSON.stringify(exportDocument(p, new Date("2026-06-01T00:00:00Z"))));
    expect(doc).toMatchObject({ format: "api-architect-progress", version: 1, exportedAt: "2026-06-01T00:00:00.000Z" });
    expect(readExport(doc)).toEqual({ progress: p });
  });
  it("rejects what is not an export, saying why", () => {
    expect(readExport({ hello: 1 })).toEqual({ error: "it is not an api-architect progress export" });
    expect(readExport({ format: "api-architect-progress", version: 9 })).toEqual({ error: "export format version 9 is not one this version reads" });
    expect(readExport({ format: "api-architect-progress", version: 1, exportedAt: "x", progress: { version: 2, answers: 5 } })).toEqual({ error: expect.stringMatching(/^its progress does not match the export schema \(answers: /) });
    expect(readExport({ format: "api-architect-progress", version: 1, exportedAt: "x", progress: { version: 3, answers: [], cards: { "m/q": { due: "soon" } } } })).toEqual({ error: expect.stringMatching(/cards\.m\/q/) });
  });
  it("keeps only the known fields of imported records, however deep the extra data", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 3_000; i++) deep = { deep };
    const answer = { module: "m", question: "q", choice: "c", correct: true, at: "2026-01-01T00:00:00.000Z", extra: deep };
    const r = readExport({ format: "api-architect-progress", version: 1, exportedAt: "x", progress: { version: 3, answers: [answer], settings: { deep } } });
    expect(r).toEqual({ progress: expect.objectContaining({ answers: [{ module: "m", question: "q", choice: "c", correct: true, at: "2026-01-01T00:00:00.000Z" }], settings: {} }) });
    expect(() => structuredClone(r)).not.toThrow();
  });
  it("refuses an import of more answers than a learner could give", () => {
    const many = Array.from({ length: 200_001 }, () => ({}));
    expect(readExport({ format: "api-architect-progress", version: 1, exportedAt: "x", progress: { version: 3, answers: many } })).toEqual({ error: expect.stringMatching(/200,001 answers, more than the 200,000 one import may bring/) });
  });
});

describe("merging", () => {
  it("unites answers without duplicates, and is idempotent", () => {
    const base = progress((p) => p.answers.push(a("q1", "2026-01-01T00:00:00.000Z")));
    const incoming = progress((p) => p.answers.push(a("q1", "2026-01-01T00:00:00.000Z"), a("q2", "2026-01-02T00:00:00.000Z")));
    const once = merge(base, incoming);
    expect(once.summary.answers).toBe(1);
    expect(once.result.answers.map((x) => x.question)).toEqual(["q1", "q2"]);
    const twice = merge(once.result, incoming);
    expect(twice.result).toEqual(once.result);
    expect(Object.values(twice.summary).every((n) => n === 0)).toBe(true);
  });
  it("keeps the later card state by review time, whichever side it is on", () => {
    const early = rate(undefined, "good", new Date("2026-01-01T00:00:00Z"));
    const late = rate(early, "again", new Date("2026-02-01T00:00:00Z"));
    expect(merge(progress((p) => (p.cards["m/q"] = early)), progress((p) => (p.cards["m/q"] = late))).result.cards["m/q"]).toEqual(late);
    expect(merge(progress((p) => (p.cards["m/q"] = late)), progress((p) => (p.cards["m/q"] = early))).result.cards["m/q"]).toEqual(late);
  });
  it("takes lesson positions and marks by recency, keeps the first completion, and keeps local settings", () => {
    const base = progress((p) => {
      p.settings.stack = "php";
      p.lessons.m = { section: "s3", updatedAt: "2026-01-03T00:00:00.000Z", completedAt: "2026-01-03T00:00:00.000Z" };
      p.marks.st = { sk: { status: "learning", at: "2026-01-05T00:00:00.000Z" } };
    });
    const incoming = progress((p) => {
      p.settings.stack = "csharp";
      p.lessons.m = { section: "s1", updatedAt: "2026-01-09T00:00:00.000Z" };
      p.marks.st = { sk: { status: "done", at: "2026-01-01T00:00:00.000Z" } };
      p.time.m = 60;
      p.days = ["2026-01-09"];
    });
    const { result } = merge(base, incoming);
    expect(result.lessons.m).toEqual({ section: "s1", updatedAt: "2026-01-09T00:00:00.000Z", completedAt: "2026-01-03T00:00:00.000Z" });
    expect(result.marks.st!.sk!.status).toBe("learning");
    expect(result.settings.stack).toBe("php");
    expect(result.time.m).toBe(60);
    expect(result.days).toEqual(["2026-01-09"]);
  });
});
