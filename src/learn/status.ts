// What the learner has done, derived from the store and the course. Pure: no I/O.
import type { Course, Module, Question, Stage } from "../content/model.js";
import type { Answer, Progress } from "../store/schema.js";

/** A quiz counts as passed when the latest answers to 70% of its questions are right. */
export const QUIZ_PASS_RATIO = 0.7;

export interface ModuleStatus {
  module: Module;
  read: boolean;
  started: boolean;
  sectionIndex: number;
  answered: number;
  correct: number;
  passed: boolean;
}

/** The latest answer to each question, by question id. */
export function latestAnswers(answers: readonly Answer[], moduleId: string): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const a of answers) {
    if (a.module !== moduleId) continue;
    const prev = out.get(a.question);
    if (!prev || prev.at <= a.at) out.set(a.question, a);
  }
  return out;
}

export function moduleStatus(module: Module, p: Progress): ModuleStatus {
  const lesson = p.lessons[module.id];
  const index = lesson ? module.sections.findIndex((s) => s.id === lesson.section) : -1;
  const latest = latestAnswers(p.answers, module.id);
  const current = module.quiz.filter((q) => latest.has(q.id));
  const correct = current.filter((q) => latest.get(q.id)!.correct).length;
  return {
    module,
    read: Boolean(lesson?.completedAt),
    started: Boolean(lesson),
    sectionIndex: Math.max(0, index),
    answered: current.length,
    correct,
    passed: module.quiz.length > 0 && correct >= Math.ceil(module.quiz.length * QUIZ_PASS_RATIO),
  };
}

export interface StageStatus {
  stage: Stage;
  modules: ModuleStatus[];
  planned: { id: string; title: string }[];
  /** 0..1: modules read and quizzes passed, each worth half a module. */
  progress: number;
  state: "done" | "current" | "upcoming" | "coming-soon";
}

export function stageStatuses(course: Course, p: Progress): StageStatus[] {
  let currentFound = false;
  return course.stages.map((stage) => {
    const modules = course.modules.filter((m) => m.stage === stage.id).map((m) => moduleStatus(m, p));
    const planned = course.planned.filter((x) => x.stage === stage.id).map(({ id, title }) => ({ id, title }));
    const units = modules.length * 2;
    const done = modules.reduce((n, m) => n + (m.read ? 1 : 0) + (m.passed ? 1 : 0), 0);
    const progress = units ? done / units : 0;
    let state: StageStatus["state"];
    if (!modules.length) state = "coming-soon";
    else if (progress === 1) state = "done";
    else if (!currentFound) state = "current";
    else state = "upcoming";
    if (state === "current") currentFound = true;
    return { stage, modules, planned, progress, state };
  });
}

export interface Overall {
  modules: number;
  read: number;
  passed: number;
  answered: number;
  percent: number;
}

export function overall(course: Course, p: Progress): Overall {
  const all = course.modules.map((m) => moduleStatus(m, p));
  const read = all.filter((m) => m.read).length;
  const passed = all.filter((m) => m.passed).length;
  const units = all.length * 2;
  return {
    modules: all.length,
    read,
    passed,
    answered: p.answers.length,
    percent: units ? Math.round(((read + passed) / units) * 100) : 0,
  };
}

/** Where "Continue" takes the learner: the lesson they were in, else the next unread one. */
export function continuePoint(course: Course, p: Progress): { module: Module; section: number; kind: "lesson" | "quiz" } | undefined {
  const last = p.last && course.modules.find((m) => m.id === p.last!.module);
  if (last && p.last!.kind === "lesson" && !p.lessons[last.id]?.completedAt) {
    return { module: last, section: moduleStatus(last, p).sectionIndex, kind: "lesson" };
  }
  if (last && p.last!.kind === "quiz" && !moduleStatus(last, p).passed) return { module: last, section: 0, kind: "quiz" };
  for (const m of course.modules) {
    const s = moduleStatus(m, p);
    if (!s.read) return { module: m, section: s.sectionIndex, kind: "lesson" };
    if (!s.passed) return { module: m, section: 0, kind: "quiz" };
  }
  return undefined;
}

export function bar(ratio: number, width = 20, full = "█", empty = "░"): string {
  const n = Math.round(Math.max(0, Math.min(1, ratio)) * width);
  return full.repeat(n) + empty.repeat(width - n);
}

/** Fisher–Yates with an injectable random source, so tests can fix the order. */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface Graded {
  correct: boolean;
  right: Question["options"][number];
  picked: Question["options"][number];
}

export function grade(q: Question, choice: string): Graded {
  const picked = q.options.find((o) => o.text === choice);
  if (!picked) throw new Error(`"${choice}" is not an option of question ${q.id}`);
  const right = q.options.find((o) => o.correct)!;
  return { correct: picked.correct, right, picked };
}
