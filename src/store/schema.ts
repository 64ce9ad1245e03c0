// The progress file's shape. Pure: used by the store and by tests. valibot rather than zod here:
// every command reads progress, and valibot bundles only the few validators used.
import * as v from "valibot";

export const STORE_VERSION = 1;

const iso = v.pipe(v.string(), v.minLength(1));

export const answerSchema = v.looseObject({
  module: v.string(),
  question: v.string(),
  /** The text of the option picked: options are shuffled, so positions mean nothing. */
  choice: v.string(),
  correct: v.boolean(),
  at: iso,
});

export const lessonSchema = v.looseObject({
  section: v.string(),
  updatedAt: iso,
  completedAt: v.optional(iso),
});

export const progressSchema = v.looseObject({
  version: v.literal(STORE_VERSION),
  settings: v.optional(
    v.looseObject({
      stack: v.optional(v.picklist(["typescript", "python", "php", "csharp"])),
      color: v.optional(v.picklist(["auto", "always", "never"])),
    }),
    {},
  ),
  lessons: v.optional(v.record(v.string(), lessonSchema), {}),
  answers: v.optional(v.array(answerSchema), []),
  last: v.optional(
    v.looseObject({
      kind: v.picklist(["lesson", "quiz"]),
      module: v.string(),
      section: v.optional(v.string()),
      at: iso,
    }),
  ),
});

export type Progress = v.InferOutput<typeof progressSchema>;
export type Answer = v.InferOutput<typeof answerSchema>;

/** The file's data as the program uses it, or undefined when it is not a progress file. */
export function parseProgress(data: unknown): Progress | undefined {
  const result = v.safeParse(progressSchema, data);
  return result.success ? result.output : undefined;
}

export function emptyProgress(): Progress {
  return { version: STORE_VERSION, settings: {}, lessons: {}, answers: [] };
}
