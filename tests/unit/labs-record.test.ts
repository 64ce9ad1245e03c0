// Lab results in progress: recorded per check, passed when every check's latest result passed,
// merged on import, and counted as roadmap evidence.
import { describe, expect, it } from "vitest";
import type { Course, Lab } from "../../src/content/model.js";
import type { LabRun } from "../../src/labs/engine.js";
import { labStatus, recordRun } from "../../src/labs/record.js";
import { resolveCheck, resolveLab } from "../../src/labs/resolve.js";
import { merge } from "../../src/learn/transfer.js";
import { stageStatuses } from "../../src/learn/status.js";
import { emptyProgress, emptyState, progressSchema, stateSchema } from "../../src/store/schema.js";
import * as v from "valibot";

const check = (id: string) => ({ id, title: id, teaches: "module:m", hint: "h", steps: [] });
const lab: Lab = { id: "shows", title: "Shows", summary: "s", intro: "i", vars: {}, setup: [], checks: [check("a"), check("b")], module: "m", moduleNumber: 1, stage: "fundamentals", file: "lab.yaml", solution: [] };
const run = (results: Record<string, boolean>): LabRun => ({
  lab,
  base: "http://127.0.0.1:3000",
  results: Object.entries(results).map(([id, passed]) => ({ id, title: id, teaches: "module:m", passed, exchanges: [], ms: 1 })),
});

describe("recording lab runs", () => {
  it("passes a lab once every check's latest result passed, across partial runs, and keeps the first pass", () => {
    const p = emptyProgress();
    recordRun(p, run({ a: true, b: false }), { at: new Date("2026-01-01T10:00:00Z"), baseUrl: "http://127.0.0.1:3000", stack: "python" });
    expect(labStatus(lab, p)).toMatchObject({ passing: 1, passed: false, passedAt: null });
    recordRun(p, run({ b: true }), { at: new Date("2026-01-01T11:00:00Z"), baseUrl: "http://127.0.0.1:3000" });
    expect(labStatus(lab, p)).toMatchObject({ passing: 2, passed: true, passedAt: "2026-01-01T11:00:00.000Z", lastRunAt: "2026-01-01T11:00:00.000Z" });
    recordRun(p, run({ a: false, b: false }), { at: new Date("2026-01-02T10:00:00Z"), baseUrl: "http://127.0.0.1:3000" });
    expect(labStatus(lab, p)).toMatchObject({ passing: 0, passed: true, passedAt: "2026-01-01T11:00:00.000Z" });
    expect(p.labs.shows!.stack).toBe("python");
    // What was written is a valid progress file.
    expect(v.safeParse(progressSchema, JSON.parse(JSON.stringify(p))).success).toBe(true);
    const state = emptyState();
    recordRun(state, run({ a: true }), { at: new Date("2026-01-01T10:00:00Z"), baseUrl: "x" });
    expect(v.safeParse(stateSchema, JSON.parse(JSON.stringify({ ...state, newAnswers: undefined }))).success).toBe(true);
  });
  it("a run that never got to its checks records nothing", () => {
    const p = emptyProgress();
    expect(recordRun(p, { ...run({}), setupFailure: { step: 1, failures: [] } }, { at: new Date(), baseUrl: "x" })).toBeUndefined();
    expect(p.labs).toEqual({});
  });
  it("merging an export keeps each check's latest result and the earliest pass", () => {
    const mine = emptyProgress();
    recordRun(mine, run({ a: true, b: true }), { at: new Date("2026-02-01T00:00:00Z"), baseUrl: "x" });
    const theirs = emptyProgress();
    recordRun(theirs, run({ a: true, b: true }), { at: new Date("2026-01-01T00:00:00Z"), baseUrl: "y" });
    recordRun(theirs, run({ a: false }), { at: new Date("2026-03-01T00:00:00Z"), baseUrl: "y" });
    const { result, summary } = merge(mine, theirs);
    expect(summary.labs).toBe(1);
    expect(result.labs.shows).toMatchObject({ passedAt: "2026-01-01T00:00:00.000Z", lastRunAt: "2026-03-01T00:00:00.000Z" });
    expect(result.labs.shows!.checks).toMatchObject({ a: { passed: false }, b: { passed: true } });
    expect(merge(result, theirs).summary.labs).toBe(0);
  });
});

describe("labs in the roadmap", () => {
  const course = {
    title: "T",
    dir: "",
    modules: [],
    planned: [{ id: "m", title: "M", stage: "fundamentals" }],
    faq: [],
    glossary: [],
    stages: [{ id: "fundamentals", number: 1, title: "F", duration: "1w", summary: "s", skills: ["x"], project: "p", stacks: {}, labs: [], reading: [] }],
    references: [],
    labs: [lab],
  } as Course;
  it("a stage's progress counts its labs' passing checks", () => {
    const p = emptyState();
    expect(stageStatuses(course, p)[0]!.labs[0]!.passing).toBe(0);
    recordRun(p, run({ a: true, b: false }), { at: new Date(), baseUrl: "x" });
    const s = stageStatuses(course, p)[0]!;
    expect(s.progress).toBeCloseTo(0.5);
  });
  it("labs resolve by id, module number or module id; checks by id or a unique start", () => {
    expect(resolveLab(course, "1").id).toBe("shows");
    expect(resolveLab(course, "m").id).toBe("shows");
    expect(resolveLab(course, "sho").id).toBe("shows");
    expect(() => resolveLab(course, "shoes")).toThrow(/did you mean "shows"/);
    expect(() => resolveLab(course, "7")).toThrow(/module 7 has no lab/);
    expect(resolveCheck(lab, "b").id).toBe("b");
    expect(() => resolveCheck(lab, "c")).toThrow(/no check "c"/);
  });
});
