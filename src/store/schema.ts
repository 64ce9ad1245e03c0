// The progress store's shapes, one schema per format version. Pure: no file access. valibot
// rather than zod here: every command reads progress, and valibot bundles only what is used.
//
// Format 3 keeps three things apart, so that each command reads only what it needs:
//   settings.json   the learner's settings (every command reads these; see settings.ts);
//   progress.json   the state: lessons, one card and one answer summary per question, time, days,
//                   marks, labs; small, whatever the number of answers;
//   answers.jsonl   the review log, one answer per line, appended; read only to export, import
//                   and repair.
// The logical `Progress` (what an export carries, and what formats 1 and 2 were) is the state with
// the whole log as `answers` and the settings.
//
// Every string is bounded and stripped of control characters, dates must be dates and numbers
// finite: a file edited by hand or brought in by an import cannot put escape sequences on the
// screen, NaN in a figure or a crash in the scheduler.
import * as v from "valibot";
import { colorSchema, stackSchema } from "./settings.js";

export const STORE_VERSION = 3;

/** Removes C0/C1 control characters (tabs and line breaks become spaces). */
export function stripControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\t\n\r]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max), v.transform(stripControls));
/** Module, question, section, stage, skill, lab and check ids. */
const id = text(200);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
export function isDate(s: string): boolean {
  return ISO.test(s) && !Number.isNaN(Date.parse(s));
}
const date = v.pipe(v.string(), v.maxLength(40), v.check(isDate, "is not a date"));
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, "is not a day"));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const finite = v.pipe(v.number(), v.finite());

/** Settings as formats 1 and 2 kept them, inside the progress file (2 gained lab.baseUrl late). */
const oldSettings = v.optional(
  v.object({
    stack: v.optional(v.fallback(v.optional(stackSchema), undefined)),
    color: v.optional(v.fallback(v.optional(colorSchema), undefined)),
    lab: v.optional(v.fallback(v.optional(v.object({ baseUrl: v.optional(v.pipe(v.string(), v.maxLength(2000))) })), undefined)),
  }),
  {},
);

// ---- Formats 1 and 2, read only to migrate them. Lenient about dates, which they never checked.

const looseDate = v.pipe(v.string(), v.minLength(1), v.maxLength(100), v.transform(stripControls));
const oldLesson = v.object({ section: id, updatedAt: looseDate, completedAt: v.optional(looseDate), seen: v.optional(v.array(id)) });
/** One answer, from a quiz or a review: also the card's review log entry. */
const answerEntries = <D extends v.GenericSchema<unknown, string>>(dateSchema: D) => ({
  module: id,
  question: id,
  /** The text of the option picked: options are shuffled, so positions mean nothing. */
  choice: text(2000),
  correct: v.boolean(),
  at: dateSchema,
  /** FSRS rating given: 1 again, 2 hard, 3 good, 4 easy. */
  rating: v.optional(v.picklist([1, 2, 3, 4])),
  source: v.optional(v.picklist(["quiz", "review"])),
});
const oldAnswer = v.object(answerEntries(looseDate));

/** Format 1 (api-architect 0.1): lessons, answers, settings. Strict, so an export is not taken for one. */
export const progressV1Schema = v.strictObject({
  version: v.literal(1),
  settings: oldSettings,
  lessons: v.optional(v.record(id, oldLesson), {}),
  answers: v.optional(v.array(oldAnswer), []),
  last: v.optional(v.object({ kind: v.picklist(["lesson", "quiz"]), module: id, section: v.optional(id), at: looseDate })),
});

/** What FSRS needs to schedule a question (ts-fsrs's Card, dates as ISO strings). */
const cardOf = <D extends v.GenericSchema<unknown, string>>(dateSchema: D) =>
  v.object({
    due: dateSchema,
    stability: finite,
    difficulty: finite,
    elapsed_days: finite,
    scheduled_days: finite,
    learning_steps: finite,
    reps: finite,
    lapses: finite,
    state: v.picklist([0, 1, 2, 3]),
    last_review: v.optional(dateSchema),
  });
const oldCard = cardOf(looseDate);

/** Format 2: format 1 plus FSRS cards, time, activity days and skill marks; the log inside. */
export const progressV2Schema = v.object({
  version: v.literal(2),
  settings: oldSettings,
  lessons: v.optional(v.record(id, oldLesson), {}),
  answers: v.optional(v.array(oldAnswer), []),
  cards: v.optional(v.record(id, oldCard), {}),
  time: v.optional(v.record(id, finite), {}),
  days: v.optional(v.array(v.pipe(v.string(), v.maxLength(40))), []),
  marks: v.optional(v.record(id, v.record(id, v.object({ status: v.picklist(["done", "learning", "skip"]), at: looseDate }))), {}),
  /** Quizzes stopped part way, which format 2 gained late. */
  quizzes: v.optional(
    v.record(id, v.object({ order: v.array(id), startedAt: looseDate, mode: v.optional(v.fallback(v.optional(v.picklist(["all", "missed", "unanswered"])), undefined)) })),
    {},
  ),
  /** Lab results, which format 2 gained late. */
  labs: v.optional(
    v.record(
      id,
      v.object({
        checks: v.optional(v.record(id, v.object({ passed: v.boolean(), at: looseDate })), {}),
        passedAt: v.optional(looseDate),
        lastRunAt: looseDate,
        stack: v.optional(v.fallback(v.optional(stackSchema), undefined)),
        baseUrl: v.optional(text(2000)),
      }),
    ),
    {},
  ),
  last: v.optional(v.object({ kind: v.picklist(["lesson", "quiz", "review"]), module: id, section: v.optional(id), at: looseDate })),
});

// ---- Format 3.

export const answerSchema = v.object({
  ...answerEntries(date),
  /** Set on a log line that changes the rating of the earlier line for the same answer. */
  rerated: v.optional(v.literal(true)),
});

export const cardSchema = cardOf(date);

/** Every answer to one question, summed up: what mastery and the statistics need. */
export const questionSummarySchema = v.object({
  answers: count,
  misses: count,
  lastAt: date,
  lastCorrect: v.boolean(),
});

export const markSchema = v.object({ status: v.picklist(["done", "learning", "skip"]), at: date });

export const lessonSchema = v.object({
  section: id,
  updatedAt: date,
  completedAt: v.optional(date),
  /** Sections shown to their end; the module is read when every section has been. */
  seen: v.optional(v.array(id)),
});

/**
 * A quiz in progress: the questions in the order asked, from when, and the first answer to each
 * given since (which is where it resumes, and what its score counts).
 */
export const quizAttemptSchema = v.object({
  order: v.array(id),
  startedAt: date,
  mode: v.optional(v.picklist(["all", "missed", "unanswered"])),
  answers: v.optional(v.record(id, v.object({ correct: v.boolean(), at: date }))),
});

/** A lab's results, recorded by `api-architect lab`. */
export const labSchema = v.object({
  checks: v.optional(v.record(id, v.object({ passed: v.boolean(), at: date })), {}),
  passedAt: v.optional(date),
  lastRunAt: date,
  stack: v.optional(stackSchema),
  baseUrl: v.optional(text(2000)),
});

const lastSchema = v.optional(v.object({ kind: v.picklist(["lesson", "quiz", "review"]), module: id, section: v.optional(id), at: date }));

const stateEntries = {
  lessons: v.optional(v.record(id, lessonSchema), {}),
  /** By card key `<module>/<question>`. */
  cards: v.optional(v.record(id, cardSchema), {}),
  /** Seconds spent per module, reading and answering. */
  time: v.optional(v.record(id, v.pipe(finite, v.minValue(0))), {}),
  /** Local dates (YYYY-MM-DD) with any activity, for streaks. */
  days: v.optional(v.array(day), []),
  /** The learner's own marks per roadmap skill: stage id → skill id → mark. */
  marks: v.optional(v.record(id, v.record(id, markSchema)), {}),
  /** Lab results by lab id. */
  labs: v.optional(v.record(id, labSchema), {}),
  /** Quizzes stopped part way, by module id, so they resume at the first unanswered question. */
  quizzes: v.optional(v.record(id, quizAttemptSchema)),
  last: lastSchema,
};

/** answers.jsonl, or answers-<id>.jsonl once rewritten. */
export const LOG_FILE = /^answers(-[a-z0-9]{1,40})?\.jsonl$/;

/** progress.json in format 3. */
export const stateSchema = v.object({
  version: v.literal(STORE_VERSION),
  ...stateEntries,
  /** Every answer summed up per question, by card key. */
  questions: v.optional(v.record(id, questionSummarySchema), {}),
  /**
   * The answer log in use (a file in the same folder), and how much of it this state reflects:
   * anything after `bytes` was appended by a writer killed before it wrote the state, and is
   * replayed. A log rewritten whole (an import, a migration, a reset) gets a new name, and this
   * file's rename is what switches to it.
   */
  log: v.optional(v.object({ file: v.pipe(v.string(), v.regex(LOG_FILE, "is not an answer log name")), bytes: count, answers: count }), { file: "answers.jsonl", bytes: 0, answers: 0 }),
});

/** The logical store in format 3, as an export carries it: the state with the whole log. */
export const progressSchema = v.object({
  version: v.literal(STORE_VERSION),
  // Settings stay on their machine: an export's are never read, so nothing in them is kept.
  settings: v.optional(v.pipe(v.unknown(), v.transform((): Record<string, unknown> => ({}))), {}),
  ...stateEntries,
  answers: v.optional(v.array(answerSchema), []),
});

export type ProgressV1 = v.InferOutput<typeof progressV1Schema>;
export type ProgressV2 = v.InferOutput<typeof progressV2Schema>;
export type Answer = v.InferOutput<typeof answerSchema>;
export type StoredCard = v.InferOutput<typeof cardSchema>;
export type Mark = v.InferOutput<typeof markSchema>;
export type QuestionSummary = v.InferOutput<typeof questionSummarySchema>;
export type LabResult = v.InferOutput<typeof labSchema>;
export type QuizAttempt = v.InferOutput<typeof quizAttemptSchema>;
/** The name the labs code uses for one lab's results. */
export type LabRecord = LabResult;
export type StoredState = v.InferOutput<typeof stateSchema>;

/**
 * What commands read and change. `newAnswers` is never stored as such: the store appends them
 * to the log when the change is written.
 */
export type ProgressState = StoredState & { newAnswers: Answer[] };

/** The whole store as one object: what `progress export` writes and `import` reads. */
export type Progress = Omit<v.InferOutput<typeof progressSchema>, "settings"> & { settings: Record<string, unknown> };

export function emptyState(): ProgressState {
  return { version: STORE_VERSION, lessons: {}, cards: {}, time: {}, days: [], marks: {}, labs: {}, questions: {}, log: { file: "answers.jsonl", bytes: 0, answers: 0 }, newAnswers: [] };
}

export function emptyProgress(): Progress {
  return { version: STORE_VERSION, settings: {}, lessons: {}, answers: [], cards: {}, time: {}, days: [], marks: {}, labs: {} };
}

export function parseState(data: unknown): StoredState | undefined {
  const result = v.safeParse(stateSchema, data);
  return result.success ? result.output : undefined;
}

/** The first problem of a value that does not match, as "cards.m/q.due: is not a date". */
export function firstIssue(schema: v.GenericSchema, data: unknown): string | undefined {
  const result = v.safeParse(schema, data, { abortEarly: true });
  if (result.success) return undefined;
  const issue = result.issues[0];
  const path = (issue.path ?? []).map((p) => String(p.key)).join(".");
  return `${path ? `${stripControls(path).slice(0, 80)}: ` : ""}${issue.message}`;
}

export function cardKey(module: string, question: string): string {
  return `${module}/${question}`;
}

/** A local calendar date, YYYY-MM-DD, for streaks. */
export function localDay(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
