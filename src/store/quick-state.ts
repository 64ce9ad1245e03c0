// A fast check of progress.json for the usual case: a file this program wrote, unchanged. Pure.
//
// Validating the state with its schema costs more than the rest of `progress` or `roadmap` once
// the store holds a card per question (the schema library's first run is not yet compiled, and it
// copies every object it checks). This accepts a state only when it is exactly what the schema
// would give back unchanged: the same fields (no others), the same types and bounds, dates that
// are dates, and no control characters anywhere (the schema would strip them). Anything else,
// even a field it does not know, returns undefined, and the schema decides: it repairs, strips or
// rejects, and says why. A test checks that whatever this accepts, the schema accepts as it is.
import { isDate, LOG_FILE, STORE_VERSION, type StoredState } from "./schema.js";

type Obj = Record<string, unknown>;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const text = (x: unknown, max: number) => typeof x === "string" && x.length <= max && !CONTROL.test(x);
const id = (x: unknown) => text(x, 200);
const date = (x: unknown) => typeof x === "string" && x.length <= 40 && isDate(x);
const finite = (x: unknown) => typeof x === "number" && Number.isFinite(x);
const count = (x: unknown) => typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= Number.MAX_SAFE_INTEGER;
const bool = (x: unknown) => typeof x === "boolean";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An object with only the named fields: each required one present, each present one valid. */
function fields(x: unknown, required: Record<string, (v: unknown) => boolean>, optional: Record<string, (v: unknown) => boolean> = {}): boolean {
  if (!isObj(x)) return false;
  let seen = 0;
  for (const key in x) {
    const check = Object.hasOwn(required, key) ? required[key] : Object.hasOwn(optional, key) ? optional[key] : undefined;
    if (!check || !check(x[key])) return false;
    if (Object.hasOwn(required, key)) seen++;
  }
  return seen === Object.keys(required).length;
}

/** A record whose keys are ids and whose values pass `value`. */
function record(x: unknown, value: (v: unknown) => boolean): boolean {
  if (!isObj(x)) return false;
  for (const key in x) if (key === "__proto__" || !id(key) || !value(x[key])) return false;
  return true;
}

const array = (x: unknown, item: (v: unknown) => boolean) => Array.isArray(x) && x.every(item);
const oneOf = (...values: unknown[]) => (x: unknown) => values.includes(x);

const lesson = (x: unknown) => fields(x, { section: id, updatedAt: date }, { completedAt: date, seen: (s) => array(s, id) });
// Cards and question summaries are most of a store (one of each per question answered): checked
// field by field, without the general helpers' closures, which the first run pays for.
function card(x: unknown): boolean {
  if (!isObj(x)) return false;
  let seen = 0;
  for (const key in x) {
    const value = x[key];
    switch (key) {
      case "due":
        if (!date(value)) return false;
        seen++;
        break;
      case "stability":
      case "difficulty":
      case "elapsed_days":
      case "scheduled_days":
      case "learning_steps":
      case "reps":
      case "lapses":
        if (typeof value !== "number" || !Number.isFinite(value)) return false;
        seen++;
        break;
      case "state":
        if (value !== 0 && value !== 1 && value !== 2 && value !== 3) return false;
        seen++;
        break;
      case "last_review":
        if (!date(value)) return false;
        break;
      default:
        return false;
    }
  }
  return seen === 9;
}
const mark = (x: unknown) => fields(x, { status: oneOf("done", "learning", "skip"), at: date });
// A lab without its `checks` is filled in by the schema: left to it.
const lab = (x: unknown) =>
  fields(x, { checks: (c) => record(c, (r) => fields(r, { passed: bool, at: date })), lastRunAt: date }, { passedAt: date, stack: oneOf("typescript", "python", "php", "csharp"), baseUrl: (u) => text(u, 2000) });
const attempt = (x: unknown) =>
  fields(x, { order: (o) => array(o, id), startedAt: date }, { mode: oneOf("all", "missed", "unanswered"), answers: (a) => record(a, (r) => fields(r, { correct: bool, at: date })) });
const last = (x: unknown) => fields(x, { kind: oneOf("lesson", "quiz", "review"), module: id, at: date }, { section: id });
function summary(x: unknown): boolean {
  if (!isObj(x)) return false;
  let seen = 0;
  for (const key in x) {
    const value = x[key];
    if (key === "answers" || key === "misses") {
      if (!count(value)) return false;
    } else if (key === "lastAt") {
      if (!date(value)) return false;
    } else if (key !== "lastCorrect" || typeof value !== "boolean") return false;
    seen++;
  }
  return seen === 4;
}
const log = (x: unknown) => fields(x, { file: (f) => typeof f === "string" && LOG_FILE.test(f), bytes: count, answers: count });

const TOP: Record<string, (v: unknown) => boolean> = {
  version: (x) => x === STORE_VERSION,
  lessons: (x) => record(x, lesson),
  cards: (x) => record(x, card),
  time: (x) => record(x, (t) => finite(t) && (t as number) >= 0),
  days: (x) => array(x, (d) => typeof d === "string" && DAY.test(d)),
  marks: (x) => record(x, (stage) => record(stage, mark)),
  labs: (x) => record(x, lab),
  quizzes: (x) => record(x, attempt),
  last,
  questions: (x) => record(x, summary),
  log,
};

/** The state as the schema would give it back, when it is plainly well formed; else undefined. */
export function quickState(data: unknown): StoredState | undefined {
  if (!isObj(data) || data.version !== STORE_VERSION) return undefined;
  for (const key in data) if (!Object.hasOwn(TOP, key) || !TOP[key]!(data[key])) return undefined;
  // The defaults the schema fills in.
  return {
    lessons: {},
    cards: {},
    time: {},
    days: [],
    marks: {},
    labs: {},
    questions: {},
    log: { file: "answers.jsonl", bytes: 0, answers: 0 },
    ...data,
  } as unknown as StoredState;
}
