// The course as the rest of the program sees it: plain data, already validated.
import type { LabCheckFile, LabFile } from "./lab-schema.js";

export const STACKS = ["typescript", "python", "php", "csharp"] as const;
export type Stack = (typeof STACKS)[number];

export const STACK_LABELS: Record<Stack, string> = {
  typescript: "TypeScript (Express)",
  python: "Python (FastAPI)",
  php: "PHP (Laravel)",
  csharp: "C# (ASP.NET Core)",
};

export interface Section {
  id: string;
  title: string;
  /** The section's markdown, its ## heading included; lexed only when it is shown. */
  markdown: string;
  line: number;
}

export interface Module {
  id: string;
  number: number;
  title: string;
  stage: string;
  summary: string;
  minutes: number;
  objectives: string[];
  sections: Section[];
  quiz: Question[];
  file: string;
  stageLine: number;
  /** The compiled course's pre-lexed sections (a JSON file of tokens by section id), if any. */
  lexed?: string;
}

export interface Option {
  text: string;
  correct: boolean;
  explain: string;
}

export interface Question {
  id: string;
  module: string;
  type: "concept" | "scenario" | "code";
  prompt: string;
  /** Markdown shown under the prompt: one four-stack example group, shown in the learner's stack. */
  code?: string;
  options: Option[];
}

/** A lesson-like page that is not a module: no number, no quiz, no progress (e.g. "Encore at a glance"). */
export interface Reference {
  id: string;
  title: string;
  summary: string;
  sections: Section[];
  file: string;
  /** Pre-lexed sections, as for modules. */
  lexed?: string;
}

export interface FaqEntry {
  id: string;
  question: string;
  modules: string[];
  tags: string[];
  order: number;
  markdown: string;
  bodyLine: number;
  file: string;
  /** The compiled course's pre-lexed answer (a JSON file of tokens), if any. */
  lexed?: string;
}

export interface Stage {
  id: string;
  number: number;
  title: string;
  duration: string;
  summary: string;
  skills: string[];
  project: string;
  stacks: Partial<Record<Stack, string>>;
  labs: string[];
  reading: Reading[];
}

export interface Reading {
  title: string;
  by?: string;
  url?: string;
  note?: string;
}

export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: string[];
  short: string;
  links: string[];
}

export interface Planned {
  id: string;
  title: string;
  stage: string;
}

export type LabCheck = LabCheckFile;

/** A lab: checks the tutor runs against the learner's own server (lab.yaml in a module folder). */
export interface Lab extends LabFile {
  /** The module it belongs to: a written module, or a planned one. */
  module: string;
  moduleNumber: number;
  stage: string;
  file: string;
  /** The reference solution (solution.md beside lab.yaml), shown like a lesson after a pass. */
  solution: Section[];
}

export interface Course {
  /** A course pack's id, from course.yaml (the built-in course has none). */
  id?: string;
  title: string;
  dir: string;
  modules: Module[];
  planned: Planned[];
  faq: FaqEntry[];
  stages: Stage[];
  glossary: GlossaryTerm[];
  labs: Lab[];
  references: Reference[];
  /** The running example's OpenAPI document, relative to the course folder (course.yaml `contract:`). */
  contract?: string;
  /** The roadmap's closing section (roadmap.yaml `closing:`). */
  closing?: { title: string; points: string[] };
}
