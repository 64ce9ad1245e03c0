// Shapes of the files under content/. The loader reports every failure with its file and line.
import { z } from "zod";

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case (a-z, 0-9, -)");
const text = z.string().trim().min(1, "must not be empty");

export const courseSchema = z.strictObject({
  format: z.literal(1, { error: "must be 1 (the only format this version reads)" }),
  title: text,
  modules: z.array(z.string().regex(/^\d{2}-[a-z0-9-]+$/, "must be a folder name like 01-some-id")).min(1),
  planned: z.array(z.strictObject({ id, title: text, stage: id })).default([]),
  /** Lesson-like reference pages (paths relative to the course folder), e.g. the Encore page. */
  references: z.array(z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.md$/, "must be a relative path to a .md file")).default([]),
  /** The running example's API (OpenAPI 3.1): HTTP examples are checked against it. */
  contract: z.string().regex(/^[a-z0-9][a-z0-9/_-]*\.ya?ml$/, "must be a relative path to a .yaml file").optional(),
  /** The standard code and prose are held to. */
  style: z
    .strictObject({
      maxCodeColumns: z.number().int().min(40).optional(),
      maxStackBlockLines: z.number().int().min(5).optional(),
      maxSectionWords: z.number().int().min(50).optional(),
    })
    .default({}),
  quiz: z
    .strictObject({
      minQuestions: z.number().int().min(1).optional(),
      minScenario: z.number().int().min(0).optional(),
      minCode: z.number().int().min(0).optional(),
      /** Code questions whose snippet is a four-stack `code:` group, shown in the learner's stack. */
      minStackCode: z.number().int().min(0).optional(),
      maxCorrectLongest: z.number().min(0).max(1).optional(),
    })
    .default({}),
});
export type CourseFile = z.infer<typeof courseSchema>;

export const lessonFrontSchema = z.strictObject({
  id,
  number: z.number().int().min(1).max(99),
  title: text,
  stage: id,
  summary: text,
  minutes: z.number().int().min(1).max(300),
  objectives: z.array(text).min(1),
});

const optionSchema = z.strictObject({
  text: text,
  correct: z.boolean().optional(),
  explain: text,
});

export const quizSchema = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        id,
        type: z.enum(["concept", "scenario", "code"]),
        prompt: text,
        /** Code shown with the prompt: one four-stack example group (or one neutral block). */
        code: text.optional(),
        options: z
          .array(optionSchema)
          .length(4, "must have exactly four options")
          .refine((o) => o.filter((x) => x.correct === true).length === 1, "exactly one option must have correct: true")
          .refine((o) => new Set(o.map((x) => x.text.trim())).size === o.length, "options must differ from each other"),
      }),
    )
    .min(1),
});

export const referenceFrontSchema = z.strictObject({
  id,
  title: text,
  summary: text,
});

export const faqFrontSchema = z.strictObject({
  id,
  question: text,
  modules: z.array(id).default([]),
  /** Topics a learner may type (`faq pagination`): lowercase words or kebab-case phrases. */
  tags: z.array(id).default([]),
  order: z.number().int().min(1),
});

const readingSchema = z.strictObject({
  title: text,
  by: text.optional(),
  url: z.url({ protocol: /^https$/, error: "must be an https:// address" }).optional(),
  note: text.optional(),
});

export const roadmapSchema = z.strictObject({
  /** The closing section after the last stage, e.g. what a portfolio API should show. */
  closing: z.strictObject({ title: text, points: z.array(text).min(1) }).optional(),
  stages: z
    .array(
      z.strictObject({
        id,
        number: z.number().int().min(1),
        title: text,
        duration: text,
        summary: text,
        skills: z.array(text).min(1),
        project: text,
        stacks: z
          .strictObject({
            typescript: text.optional(),
            python: text.optional(),
            php: text.optional(),
            csharp: text.optional(),
          })
          .default({}),
        /** Labs that prove the stage (ids from the modules' lab.yaml files). */
        labs: z.array(id).default([]),
        reading: z.array(readingSchema).default([]),
      }),
    )
    .min(1),
});

export const glossarySchema = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        id,
        term: text,
        aliases: z.array(text).default([]),
        short: text,
        links: z.array(z.string().regex(/^(module|faq|stage|ref):/, "must be a module:, faq:, stage: or ref: link")).min(1, "say where the term is taught"),
      }),
    )
    .min(1),
});
