// The progress file's shape, one schema per format version, and the migrations between them.
// Pure: no file access. valibot rather than zod here: every command reads progress, and valibot
// bundles only the validators used.
import * as v from "valibot";

export const STORE_VERSION = 2;

const iso = v.pipe(v.string(), v.minLength(1));
const stack = v.picklist(["typescript", "python", "php", "csharp"]);

const settingsSchema = v.optional(
  v.looseObject({
    stack: v.optional(stack),
    color: v.optional(v.picklist(["auto", "always", "never"])),
    /** `config set lab.baseUrl`: where `lab check` finds the learner's server. */
    lab: v.optional(v.looseObject({ baseUrl: v.optional(v.string()) })),
  }),
  {},
);

const lessonSchema = v.looseObject({
  section: v.string(),
  updatedAt: iso,
  completedAt: v.optional(iso),
});

const lastSchema = v.optional(
  v.looseObject({
    kind: v.picklist(["lesson", "quiz", "review"]),
    module: v.string(),
    section: v.optional(v.string()),
    at: iso,
  }),
);

/** Format 1 (api-architect 0.1): lessons, answers, settings. */
export const progressV1Schema = v.looseObject({
  version: v.literal(1),
  settings: settingsSchema,
  lessons: v.optional(v.record(v.string(), lessonSchema), {}),
  answers: v.optional(
    v.array(v.looseObject({ module: v.string(), question: v.string(), choice: v.string(), correct: v.boolean(), at: iso })),
    [],
  ),
  last: v.optional(v.looseObject({ kind: v.picklist(["lesson", "quiz"]), module: v.string(), section: v.optional(v.string()), at: iso })),
});

/** One answer, from a quiz or a review: also the card's review log entry. */
export const answerSchema = v.looseObject({
  module: v.string(),
  question: v.string(),
  /** The text of the option picked: options are shuffled, so positions mean nothing. */
  choice: v.string(),
  correct: v.boolean(),
  at: iso,
  /** FSRS rating given: 1 again, 2 hard, 3 good, 4 easy. */
  rating: v.optional(v.picklist([1, 2, 3, 4])),
  source: v.optional(v.picklist(["quiz", "review"])),
});

/** What FSRS needs to schedule a question (ts-fsrs's Card, dates as ISO strings). */
export const cardSchema = v.looseObject({
  due: iso,
  stability: v.number(),
  difficulty: v.number(),
  elapsed_days: v.number(),
  scheduled_days: v.number(),
  learning_steps: v.number(),
  reps: v.number(),
  lapses: v.number(),
  state: v.picklist([0, 1, 2, 3]),
  last_review: v.optional(iso),
});

export const markSchema = v.looseObject({ status: v.picklist(["done", "learning", "skip"]), at: iso });

/** One lab's results: the latest outcome of each check, and when the whole lab first passed. */
export const labRecordSchema = v.looseObject({
  checks: v.optional(v.record(v.string(), v.looseObject({ passed: v.boolean(), at: iso })), {}),
  passedAt: v.optional(iso),
  lastRunAt: iso,
  stack: v.optional(v.string()),
  baseUrl: v.optional(v.string()),
});

export const progressSchema = v.looseObject({
  version: v.literal(STORE_VERSION),
  settings: settingsSchema,
  lessons: v.optional(v.record(v.string(), lessonSchema), {}),
  answers: v.optional(v.array(answerSchema), []),
  /** By card key `<module>/<question>`. */
  cards: v.optional(v.record(v.string(), cardSchema), {}),
  /** Seconds spent per module, reading and answering. */
  time: v.optional(v.record(v.string(), v.number()), {}),
  /** Local dates (YYYY-MM-DD) with any activity, for streaks. */
  days: v.optional(v.array(v.string()), []),
  /** The learner's own marks per roadmap skill: stage id → skill id → mark. */
  marks: v.optional(v.record(v.string(), v.record(v.string(), markSchema)), {}),
  /** Lab results by lab id (the store helper's format 3 adds these too). */
  labs: v.optional(v.record(v.string(), labRecordSchema), {}),
  last: lastSchema,
});

export type Progress = v.InferOutput<typeof progressSchema>;
export type ProgressV1 = v.InferOutput<typeof progressV1Schema>;
export type Answer = v.InferOutput<typeof answerSchema>;
export type StoredCard = v.InferOutput<typeof cardSchema>;
export type Mark = v.InferOutput<typeof markSchema>;
export type LabRecord = v.InferOutput<typeof labRecordSchema>;

export function emptyProgress(): Progress {
  return { version: STORE_VERSION, settings: {}, lessons: {}, answers: [], cards: {}, time: {}, days: [], marks: {}, labs: {} };
}

export function parseProgress(data: unknown): Progress | undefined {
  const result = v.safeParse(progressSchema, data);
  return result.success ? result.output : undefined;
}

export function cardKey(module: string, question: string): string {
  return `${module}/${question}`;
}

/** A local calendar date, YYYY-MM-DD, for streaks. */
export function localDay(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
