// The progress file's shape. Pure: used by the store and by tests.
import { z } from "zod";

export const STORE_VERSION = 1;

const iso = z.string().min(1);

export const answerSchema = z.looseObject({
  module: z.string(),
  question: z.string(),
  /** The text of the option picked: options are shuffled, so positions mean nothing. */
  choice: z.string(),
  correct: z.boolean(),
  at: iso,
});

export const lessonSchema = z.looseObject({
  section: z.string(),
  updatedAt: iso,
  completedAt: iso.optional(),
});

export const progressSchema = z.looseObject({
  version: z.literal(STORE_VERSION),
  settings: z
    .looseObject({
      stack: z.enum(["typescript", "python", "php", "csharp"]).optional(),
      color: z.enum(["auto", "always", "never"]).optional(),
    })
    .default({}),
  lessons: z.record(z.string(), lessonSchema).default({}),
  answers: z.array(answerSchema).default([]),
  last: z
    .looseObject({
      kind: z.enum(["lesson", "quiz"]),
      module: z.string(),
      section: z.string().optional(),
      at: iso,
    })
    .optional(),
});

export type Progress = z.infer<typeof progressSchema>;
export type Answer = z.infer<typeof answerSchema>;

export function emptyProgress(): Progress {
  return { version: STORE_VERSION, settings: {}, lessons: {}, answers: [] };
}
