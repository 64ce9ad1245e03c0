// The fast check of progress.json never accepts what the schema would change or refuse: whatever
// it accepts, the schema accepts and gives back equal.
import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { quickState } from "../../src/store/quick-state.js";
import { stateSchema } from "../../src/store/schema.js";

const at = "2026-03-01T10:00:00.000Z";
const card = { due: at, stability: 3.2, difficulty: 5.1, elapsed_days: 0, scheduled_days: 3, learning_steps: 0, reps: 2, lapses: 0, state: 2, last_review: at };

/** Every field the state has, each optional one present. */
function rich(): Record<string, unknown> {
  return {
    version: 3,
    lessons: { "http-basics": { section: "handler", updatedAt: at, completedAt: at, seen: ["requests", "handler"] }, other: { section: "a", updatedAt: at } },
    cards: { "http-basics/get-safe": { ...card }, "http-basics/not-found": { ...card, last_review: undefined, state: 0 } },
    time: { "http-basics": 120.5 },
    days: ["2026-03-01", "2026-03-02"],
    marks: { fundamentals: { "http-methods": { status: "done", at } } },
    labs: { health: { checks: { live: { passed: true, at } }, passedAt: at, lastRunAt: at, stack: "python", baseUrl: "http://127.0.0.1:8000" }, bare: { checks: {}, lastRunAt: at } },
    quizzes: { "http-basics": { order: ["get-safe", "not-found"], startedAt: at, mode: "missed", answers: { "get-safe": { correct: false, at } } } },
    last: { kind: "lesson", module: "http-basics", section: "handler", at },
    questions: { "http-basics/get-safe": { answers: 3, misses: 1, lastAt: at, lastCorrect: true } },
    log: { file: "answers-abc123.jsonl", bytes: 1234, answers: 3 },
  };
}

/** JSON as it is on disk: no undefined values. */
const onDisk = (x: unknown) => JSON.parse(JSON.stringify(x));

/** Every path to a value in `x`. */
function paths(x: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (x && typeof x === "object") {
    const out: (string | number)[][] = prefix.length ? [prefix] : [];
    for (const [k, val] of Object.entries(x)) out.push(...paths(val, [...prefix, Array.isArray(x) ? Number(k) : k]));
    return out;
  }
  return [prefix];
}

function setAt(x: any, path: (string | number)[], value: unknown) {
  const parent = path.slice(0, -1).reduce((o, k) => o[k], x);
  if (value === DELETE) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = value;
}
const DELETE = Symbol("delete");

const REPLACEMENTS: unknown[] = [DELETE, null, 0, -1, 1.5, 2 ** 60, NaN, "", "x", "a\u001bb", "2026-02-30T10:00:00Z", "2026-03-01", at, true, [], {}, "x".repeat(250), "answers.jsonl"];

describe("the quick check of progress.json", () => {
  it("accepts what this program writes, and gives back what the schema gives", () => {
    for (const state of [rich(), { version: 3 }, { version: 3, lessons: {}, cards: {}, questions: {}, log: { file: "answers.jsonl", bytes: 0, answers: 0 } }]) {
      const data = onDisk(state);
      const quick = quickState(onDisk(data));
      expect(quick).toBeDefined();
      expect(quick).toEqual(v.parse(stateSchema, onDisk(data)));
    }
  });

  it("leaves to the schema anything it would change or refuse: whatever it accepts, the schema accepts as it is", () => {
    const base = onDisk(rich());
    let accepted = 0;
    let left = 0;
    for (const path of paths(base)) {
      for (const value of REPLACEMENTS) {
        const data = onDisk(base);
        setAt(data, path, value);
        const mutated = onDisk(data);
        const quick = quickState(onDisk(mutated));
        if (!quick) {
          left++;
          continue;
        }
        accepted++;
        const schema = v.safeParse(stateSchema, onDisk(mutated));
        expect(schema.success, `${path.join(".")} = ${String(value)}`).toBe(true);
        expect(quick, `${path.join(".")} = ${String(value)}`).toEqual(schema.success ? schema.output : undefined);
      }
    }
    // Both sides were exercised.
    expect(accepted).toBeGreaterThan(50);
    expect(left).toBeGreaterThan(500);
  });

  it("leaves unknown fields, control characters and a missing lab `checks` to the schema", () => {
    const extra = { ...onDisk(rich()), settings: {} };
    expect(quickState(extra)).toBeUndefined();
    const control = onDisk(rich());
    control.lessons["a\u0007"] = { section: "x", updatedAt: at };
    expect(quickState(control)).toBeUndefined();
    const noChecks = onDisk(rich());
    delete noChecks.labs.bare.checks;
    expect(quickState(noChecks)).toBeUndefined();
    expect(v.parse(stateSchema, noChecks).labs.bare!.checks).toEqual({});
  });
});
