// What the learner has done, derived from the store and the course. Pure: no I/O; the time is an
// argument so tests can fix it.
import { byCodePoint } from "../order.js";
import type { Course, Module, Question, Stage } from "../content/model.js";
import { slugify } from "../content/slug.js";
import { cardKey, localDay, type Mark, type StoredState } from "../store/schema.js";

/** What the figures read from the store: the state, never the answer log. */
type Progress = Pick<StoredState, "lessons" | "questions" | "cards" | "time" | "days" | "marks" | "labs" | "last">;
import { isDue, retrievability } from "./recall.js";
import { labStatus, type LabStatus } from "../labs/record.js";

/** A quiz counts as passed when the latest answers to 70% of its questions are right. */
export const QUIZ_PASS_RATIO = 0.7;
/** A module is mastered at this mastery (0-100); a stage is done when every module is read and mastered. */
export const MASTERY_THRESHOLD = 70;

export interface ModuleStatus {
  module: Module;
  read: boolean;
  started: boolean;
  sectionIndex: number;
  answered: number;
  correct: number;
  passed: boolean;
  /** 0-100: for each question, its chance of recall now (FSRS) if the latest answer was right, else 0; averaged. */
  mastery: number;
  due: number;
  seconds: number;
}

export function moduleStatus(module: Module, p: Progress, now = new Date()): ModuleStatus {
  const lesson = p.lessons[module.id];
  const index = lesson ? module.sections.findIndex((s) => s.id === lesson.section) : -1;
  let answered = 0;
  let correct = 0;
  let recall = 0;
  let due = 0;
  for (const q of module.quiz) {
    const key = cardKey(module.id, q.id);
    const card = own(p.cards, key);
    const latest = own(p.questions, key);
    if (latest) answered++;
    if (latest?.lastCorrect) {
      correct++;
      recall += retrievability(card, now);
    }
    if (card && isDue(card, now)) due++;
  }
  return {
    module,
    read: Boolean(lesson?.completedAt),
    started: Boolean(lesson),
    sectionIndex: Math.max(0, index),
    answered,
    correct,
    passed: module.quiz.length > 0 && correct >= Math.ceil(module.quiz.length * QUIZ_PASS_RATIO),
    mastery: module.quiz.length ? Math.round((recall / module.quiz.length) * 100) : 0,
    due,
    seconds: p.time[module.id] ?? 0,
  };
}

export interface SkillStatus {
  id: string;
  name: string;
  /** The learner's own mark, kept apart from the evidence: skipped is not done. */
  mark: Mark["status"] | null;
}

export interface StageStatus {
  stage: Stage;
  modules: ModuleStatus[];
  planned: { id: string; title: string }[];
  skills: SkillStatus[];
  /** Labs of the stage's modules (planned modules' labs included): evidence of building, not reading. */
  labs: LabStatus[];
  /** 0..1: per module, half for reading it and half for mastery up to the threshold; per lab, its share of passing checks. */
  progress: number;
  state: "done" | "current" | "upcoming" | "coming-soon";
}

export function skillId(name: string): string {
  return slugify(name);
}

export function stageStatuses(course: Course, p: Progress, now = new Date()): StageStatus[] {
  let currentFound = false;
  return course.stages.map((stage) => {
    const modules = course.modules.filter((m) => m.stage === stage.id).map((m) => moduleStatus(m, p, now));
    const planned = course.planned.filter((x) => x.stage === stage.id).map(({ id, title }) => ({ id, title }));
    const marks = p.marks[stage.id] ?? {};
    const skills = stage.skills.map((name) => ({ id: skillId(name), name, mark: marks[skillId(name)]?.status ?? null }));
    // A stage's labs: those of its modules, and those roadmap.yaml names for it.
    const labs = (course.labs ?? []).filter((l) => l.stage === stage.id || (stage.labs ?? []).includes(l.id)).map((l) => labStatus(l, p));
    const units = [
      ...modules.map((m) => (m.read ? 0.5 : 0) + 0.5 * Math.min(1, m.mastery / MASTERY_THRESHOLD)),
      ...labs.map((l) => (l.passed ? 1 : l.checks ? l.passing / l.checks : 0)),
    ];
    const progress = units.length ? units.reduce((a, b) => a + b, 0) / units.length : 0;
    const done = modules.length > 0 && modules.every((m) => m.read && m.mastery >= MASTERY_THRESHOLD) && labs.every((l) => l.passed);
    let state: StageStatus["state"];
    if (!modules.length) state = "coming-soon";
    else if (done) state = "done";
    else if (!currentFound) state = "current";
    else state = "upcoming";
    if (state === "current") currentFound = true;
    return { stage, modules, planned, skills, labs, progress: done ? 1 : Math.min(progress, 0.99), state };
  });
}

export interface Overall {
  modules: number;
  read: number;
  passed: number;
  mastered: number;
  answered: number;
  due: number;
  percent: number;
}

export function overall(course: Course, p: Progress, now = new Date()): Overall {
  const all = course.modules.map((m) => moduleStatus(m, p, now));
  const units = all.map((m) => (m.read ? 0.5 : 0) + 0.5 * Math.min(1, m.mastery / MASTERY_THRESHOLD));
  return {
    modules: all.length,
    read: all.filter((m) => m.read).length,
    passed: all.filter((m) => m.passed).length,
    mastered: all.filter((m) => m.mastery >= MASTERY_THRESHOLD).length,
    answered: answerCount(course, p).live,
    due: all.reduce((n, m) => n + m.due, 0),
    percent: units.length ? Math.round((units.reduce((a, b) => a + b, 0) / units.length) * 100) : 0,
  };
}

/** The course's questions by card key (`<module>/<question>`): what progress records may refer to. */
export function questionsByKey(course: Course): Map<string, Question> {
  return new Map(course.modules.flatMap((m) => m.quiz.map((q) => [cardKey(m.id, q.id), q] as const)));
}

/** A record's own entry: a key such as "constructor" never reaches an inherited property. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Answers to questions that still exist, and to ones that do not (kept, but counting for nothing). */
export function answerCount(course: Course, p: Progress): { live: number; orphaned: number } {
  const live = questionsByKey(course);
  let n = 0;
  let orphaned = 0;
  for (const [key, q] of Object.entries(p.questions)) {
    if (live.has(key)) n += q.answers;
    else orphaned += q.answers;
  }
  return { live: n, orphaned };
}

export interface Orphans {
  answers: number;
  cards: number;
  lessons: number;
  marks: number;
}

/** Records that refer to modules, sections, questions or skills the course no longer has. */
export function orphans(course: Course, p: Progress): Orphans {
  const questions = questionsByKey(course);
  const lessons = Object.entries(p.lessons).filter(([id, l]) => {
    const m = course.modules.find((x) => x.id === id);
    return !m || !m.sections.some((s) => s.id === l.section);
  }).length;
  let marks = 0;
  for (const [stageId, skills] of Object.entries(p.marks)) {
    const stage = course.stages.find((s) => s.id === stageId);
    for (const id of Object.keys(skills)) if (!stage || !stage.skills.some((n) => skillId(n) === id)) marks++;
  }
  return {
    answers: answerCount(course, p).orphaned,
    cards: Object.keys(p.cards).filter((k) => !questions.has(k)).length,
    lessons,
    marks,
  };
}

export interface DueCard {
  question: Question;
  due: string;
}

/** Cards due now, oldest first, interleaved across modules so one topic does not run in a block. */
export function dueCards(course: Course, p: Progress, now = new Date(), moduleId?: string): DueCard[] {
  const byModule = new Map<string, DueCard[]>();
  for (const m of course.modules) {
    if (moduleId && m.id !== moduleId) continue;
    const list = m.quiz
      .map((q) => ({ question: q, card: p.cards[cardKey(m.id, q.id)] }))
      .filter((x) => x.card && isDue(x.card, now))
      .map((x) => ({ question: x.question, due: x.card!.due }))
      .sort((a, b) => byCodePoint(a.due, b.due));
    if (list.length) byModule.set(m.id, list);
  }
  const out: DueCard[] = [];
  const queues = [...byModule.values()].sort((a, b) => byCodePoint(a[0]!.due, b[0]!.due));
  while (queues.some((q) => q.length)) for (const q of queues) if (q.length) out.push(q.shift()!);
  return out;
}

/** When the next card falls due (ISO), if none is due now. */
export function nextDue(course: Course, p: Progress): string | undefined {
  const live = questionsByKey(course);
  return Object.entries(p.cards)
    .filter(([k]) => live.has(k))
    .map(([, c]) => c.due)
    .sort()[0];
}

export interface Recommendation {
  kind: "review" | "read" | "quiz";
  module: string | null;
  count: number | null;
  text: string;
}

/** What to do next: due reviews first, then the next unread module, then the weakest quiz. */
export function recommendations(course: Course, p: Progress, now = new Date()): Recommendation[] {
  const out: Recommendation[] = [];
  const due = dueCards(course, p, now).length;
  if (due) out.push({ kind: "review", module: null, count: due, text: `Review the ${due} card${due === 1 ? "" : "s"} due now (api-architect review)` });
  const stages = stageStatuses(course, p, now);
  const current = stages.find((s) => s.state === "current");
  const ordered = [...(current?.modules ?? []), ...stages.flatMap((s) => s.modules)];
  const unread = ordered.find((m) => !m.read);
  if (unread) out.push({ kind: "read", module: unread.module.id, count: null, text: `Read ${String(unread.module.number).padStart(2, "0")} ${unread.module.title} (api-architect learn ${unread.module.number})` });
  const weak = ordered.filter((m) => m.read && m.mastery < MASTERY_THRESHOLD).sort((a, b) => a.mastery - b.mastery)[0];
  if (weak) out.push({ kind: "quiz", module: weak.module.id, count: null, text: `Retake the quiz on ${weak.module.title}: mastery ${weak.mastery}% (api-architect quiz ${weak.module.number})` });
  return out;
}

export interface Stats {
  /** Days in a row with activity, ending today (or yesterday, if nothing yet today). */
  streak: number;
  activeDays: number;
  secondsByModule: Record<string, number>;
  mostMissed: { module: string; question: string; prompt: string; misses: number }[];
}

export function stats(course: Course, p: Progress, now = new Date()): Stats {
  const days = new Set(p.days);
  let streak = 0;
  const cursor = new Date(now);
  if (!days.has(localDay(cursor))) cursor.setDate(cursor.getDate() - 1);
  while (days.has(localDay(cursor))) {
    streak++;
    cursor.setDate(cursor.getDate() - 1);
  }
  const questions = questionsByKey(course);
  const misses = new Map<string, number>();
  for (const [key, q] of Object.entries(p.questions)) if (q.misses && questions.has(key)) misses.set(key, q.misses);
  const mostMissed = [...misses.entries()]
    .sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))
    .slice(0, 5)
    .map(([key, n]) => {
      const q = questions.get(key)!;
      return { module: q.module, question: q.id, prompt: q.prompt.split("\n")[0]!.slice(0, 120), misses: n };
    });
  const secondsByModule: Record<string, number> = {};
  for (const m of course.modules) secondsByModule[m.id] = p.time[m.id] ?? 0;
  return { streak, activeDays: days.size, secondsByModule, mostMissed };
}

/** Where a lesson opens: at the section reached, or from the start again once the module is read. */
export function resumeSection(module: Module, p: Progress): number {
  const lesson = p.lessons[module.id];
  if (!lesson || lesson.completedAt) return 0;
  return Math.max(0, module.sections.findIndex((s) => s.id === lesson.section));
}

/** Where "Continue" takes the learner: the lesson they were in, else the next unread one. */
export function continuePoint(course: Course, p: Progress, now = new Date()): { module: Module; section: number; kind: "lesson" | "quiz" } | undefined {
  const last = p.last && course.modules.find((m) => m.id === p.last!.module);
  if (last && p.last!.kind === "lesson" && !p.lessons[last.id]?.completedAt) {
    return { module: last, section: moduleStatus(last, p, now).sectionIndex, kind: "lesson" };
  }
  if (last && p.last!.kind === "quiz" && !moduleStatus(last, p, now).passed) return { module: last, section: 0, kind: "quiz" };
  for (const m of course.modules) {
    const s = moduleStatus(m, p, now);
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
