// Brings a progress file of any earlier format up to the current one. Each step is a pure
// function from one format to the next, tested on its own.
import { byCodePoint } from "../order.js";
import { quickState } from "./quick-state.js";
import * as v from "valibot";
import { rate, gradingOf } from "../learn/schedule.js";
import { summarizeAll } from "../learn/record.js";
import {
  cardKey,
  firstIssue,
  isDate,
  localDay,
  progressSchema,
  progressV1Schema,
  progressV2Schema,
  stateSchema,
  STORE_VERSION,
  type Answer,
  type Progress,
  type ProgressState,
  type ProgressV1,
  type ProgressV2,
  type StoredState,
} from "./schema.js";

const EPOCH = "1970-01-01T00:00:00.000Z";

/** A date as format 3 needs it: ISO, or a readable day turned into one, or the fallback. */
function fixDate(s: string | undefined, fallback: string): string;
function fixDate(s: string | undefined, fallback: undefined): string | undefined;
function fixDate(s: string | undefined, fallback: string | undefined): string | undefined {
  if (s && isDate(s)) return s;
  if (s && /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s))) return new Date(s).toISOString();
  return fallback;
}

/** 1 → 2: cards are rebuilt by replaying the answers in time order; activity days from dates. */
export function v1ToV2(old: ProgressV1): ProgressV2 {
  const readable = (at: string) => fixDate(at, undefined) !== undefined;
  // Answers with unreadable dates stay in the log but cannot be scheduled.
  const answers = old.answers.filter((a) => readable(a.at)).sort((a, b) => byCodePoint(a.at, b.at));
  const cards: ProgressV2["cards"] = {};
  for (const a of answers) {
    const key = cardKey(a.module, a.question);
    cards[key] = rate(cards[key], gradingOf(undefined, a.correct), new Date(fixDate(a.at, EPOCH)));
  }
  const days = new Set<string>();
  for (const a of answers) days.add(localDay(fixDate(a.at, EPOCH)));
  for (const l of Object.values(old.lessons)) if (readable(l.updatedAt)) days.add(localDay(fixDate(l.updatedAt, EPOCH)));
  return {
    ...old,
    version: 2,
    answers: old.answers.map((a) => ({ ...a, rating: a.correct ? 3 : 1, source: "quiz" as const })),
    cards,
    time: {},
    days: [...days].sort(),
    marks: {},
    labs: {},
    quizzes: {},
  };
}

/**
 * 2 → 3. Format 2 checked no dates: what cannot be read as a date is repaired rather than lost
 * (an answer keeps its place in the log with the earliest date; a card with no readable due date
 * is due now), so that format 3 can insist on real dates.
 */
export function v2ToV3(old: ProgressV2, now = new Date()): Progress {
  const today = now.toISOString();
  const cards: Progress["cards"] = {};
  for (const [key, c] of Object.entries(old.cards)) {
    const last = fixDate(c.last_review, undefined);
    cards[key] = { ...c, due: fixDate(c.due, today), ...(last ? { last_review: last } : {}) };
    if (!last) delete cards[key]!.last_review;
  }
  const lessons: Progress["lessons"] = {};
  for (const [id, l] of Object.entries(old.lessons)) {
    const completedAt = fixDate(l.completedAt, undefined);
    lessons[id] = { section: l.section, updatedAt: fixDate(l.updatedAt, EPOCH), ...(completedAt ? { completedAt } : {}), ...(l.seen ? { seen: l.seen } : {}) };
  }
  const marks: Progress["marks"] = {};
  for (const [stage, skills] of Object.entries(old.marks)) {
    marks[stage] = {};
    for (const [skill, m] of Object.entries(skills)) marks[stage]![skill] = { status: m.status, at: fixDate(m.at, EPOCH) };
  }
  const time: Progress["time"] = {};
  for (const [id, s] of Object.entries(old.time)) if (s > 0) time[id] = s;
  const labs: Progress["labs"] = {};
  for (const [id, l] of Object.entries(old.labs ?? {})) {
    const checks: Progress["labs"][string]["checks"] = {};
    for (const [c, r] of Object.entries(l.checks)) checks[c] = { passed: r.passed, at: fixDate(r.at, EPOCH) };
    const passedAt = fixDate(l.passedAt, undefined);
    labs[id] = { checks, lastRunAt: fixDate(l.lastRunAt, EPOCH), ...(passedAt ? { passedAt } : {}), ...(l.stack ? { stack: l.stack } : {}), ...(l.baseUrl ? { baseUrl: l.baseUrl } : {}) };
  }
  const quizzes: NonNullable<Progress["quizzes"]> = {};
  for (const [id, q] of Object.entries(old.quizzes ?? {})) {
    const startedAt = fixDate(q.startedAt, undefined);
    if (startedAt) quizzes[id] = { order: q.order, startedAt, ...(q.mode ? { mode: q.mode } : {}) };
  }
  const last = old.last && isDate(old.last.at) ? old.last : undefined;
  return {
    version: STORE_VERSION,
    settings: { ...old.settings },
    lessons,
    answers: old.answers.map((a) => ({ ...a, at: fixDate(a.at, EPOCH) })).sort((a, b) => byCodePoint(a.at, b.at)),
    cards,
    time,
    days: old.days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)),
    marks,
    labs,
    ...(Object.keys(quizzes).length ? { quizzes } : {}),
    ...(last ? { last } : {}),
  };
}

/** The key that identifies an answer across machines (a re-rating shares its answer's key). */
export const answerKey = (a: Answer) => `${a.module}\u0000${a.question}\u0000${a.at}\u0000${a.choice}`;

/**
 * The log as a list of answers: each once, with its latest rating, in time order. A re-rating
 * line names its answer by question and time; one whose answer is not in the log is dropped.
 */
export function foldLog(lines: readonly Answer[]): Answer[] {
  const byKey = new Map<string, Answer>();
  const byTime = new Map<string, string>();
  const when = (a: Answer) => `${a.module}\u0000${a.question}\u0000${a.at}`;
  for (const a of lines) {
    if (a.rerated) {
      const key = byTime.get(when(a));
      const original = key === undefined ? undefined : byKey.get(key);
      if (original?.correct) byKey.set(key!, { ...original, rating: a.rating });
      continue;
    }
    const key = answerKey(a);
    if (byKey.has(key)) continue; // the same answer twice: keep the first
    byKey.set(key, a);
    byTime.set(when(a), key);
  }
  return [...byKey.values()].sort((a, b) => byCodePoint(a.at, b.at));
}

/** The state file's content for a whole store: answers summed up per question. */
export function stateOf(p: Progress): ProgressState {
  // Quizzes in progress keep the first answer to each of their questions since they started.
  const quizzes = p.quizzes ? structuredClone(p.quizzes) : undefined;
  for (const a of quizzes ? p.answers : []) {
    const attempt = quizzes![a.module];
    if (!attempt || a.source === "review" || a.at < attempt.startedAt || !attempt.order.includes(a.question)) continue;
    const prev = attempt.answers?.[a.question];
    if (!prev || a.at < prev.at) attempt.answers = { ...attempt.answers, [a.question]: { correct: a.correct, at: a.at } };
  }
  return {
    version: STORE_VERSION,
    lessons: p.lessons,
    cards: p.cards,
    time: p.time,
    days: p.days,
    marks: p.marks,
    labs: p.labs,
    ...(quizzes ? { quizzes } : {}),
    ...(p.last ? { last: p.last } : {}),
    questions: summarizeAll(p.answers),
    log: { file: "answers.jsonl", bytes: 0, answers: p.answers.length },
    newAnswers: [],
  };
}

export type MigrationResult =
  | { kind: "current"; state: StoredState }
  | { kind: "migrated"; progress: Progress; from: number }
  | { kind: "newer"; version: number }
  | { kind: "export" }
  | { kind: "invalid"; problem: string };

/**
 * A store of any format this version reads, brought to format 3; or why not. A format 3 object
 * is a state file (progress.json) unless it carries its answers, as an export's body does;
 * `whole` says it must be the latter.
 */
export function migrateProgress(data: unknown, now = new Date(), whole = false): MigrationResult {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { kind: "invalid", problem: "it is not a JSON object" };
  const d = data as { version?: unknown; format?: unknown; answers?: unknown };
  if (d.format === "api-architect-progress") return { kind: "export" };
  if (typeof d.version === "number" && d.version > STORE_VERSION) return { kind: "newer", version: d.version };
  if (d.version === 1) {
    const old = v.safeParse(progressV1Schema, data);
    if (!old.success) return { kind: "invalid", problem: firstIssue(progressV1Schema, data) ?? "it does not match format 1" };
    return { kind: "migrated", progress: v2ToV3(v1ToV2(old.output), now), from: 1 };
  }
  if (d.version === 2) {
    const old = v.safeParse(progressV2Schema, data);
    if (!old.success) return { kind: "invalid", problem: firstIssue(progressV2Schema, data) ?? "it does not match format 2" };
    return { kind: "migrated", progress: v2ToV3(old.output, now), from: 2 };
  }
  if (d.version === STORE_VERSION && (whole || Array.isArray(d.answers))) {
    // A whole store (an export's body): the log comes with it.
    const whole = v.safeParse(progressSchema, data);
    if (!whole.success) return { kind: "invalid", problem: firstIssue(progressSchema, data) ?? "it does not match format 3" };
    return { kind: "migrated", progress: { ...whole.output, answers: foldLog(whole.output.answers) }, from: STORE_VERSION };
  }
  if (d.version === STORE_VERSION) {
    // The usual case, a file this program wrote, without the schema's cost (see quick-state.ts).
    const quick = quickState(data);
    if (quick) return { kind: "current", state: quick };
    const state = v.safeParse(stateSchema, data);
    if (!state.success) return { kind: "invalid", problem: firstIssue(stateSchema, data) ?? "it does not match format 3" };
    return { kind: "current", state: state.output };
  }
  return { kind: "invalid", problem: "it has no format version this program knows" };
}
