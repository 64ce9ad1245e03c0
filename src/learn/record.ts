// How activity is written into progress. Pure: each function changes the object it is given, and
// takes the time as an argument.
import type { Module, Question } from "../content/model.js";
import { cardKey, localDay, type Answer, type ProgressState, type QuestionSummary, type StoredCard, type StoredState } from "../store/schema.js";
import { gradingOf, rate, RATING, type Grading } from "./schedule.js";

/** Time spent on one screen counts up to this much; longer means the learner walked away. */
export const MAX_SECONDS_PER_SCREEN = 300;

function touch(p: Pick<StoredState, "days">, day: string) {
  if (!p.days.includes(day)) p.days = [...p.days, day].sort();
}

/** Where the learner is in a lesson. */
export function recordPosition(p: ProgressState, m: Module, index: number, now: Date): void {
  const at = now.toISOString();
  const prev = p.lessons[m.id];
  p.lessons[m.id] = { ...prev, section: m.sections[index]!.id, updatedAt: at };
  p.last = { kind: "lesson", module: m.id, section: m.sections[index]!.id, at };
  touch(p, localDay(now));
}

/**
 * A section was shown to its end. The module counts as read once every section has been shown,
 * not when the last one is reached by jumping to it.
 */
export function recordSeen(p: ProgressState, m: Module, sectionId: string, now: Date): void {
  const at = now.toISOString();
  const prev = p.lessons[m.id] ?? { section: sectionId, updatedAt: at };
  const seen = new Set(prev.seen ?? []);
  seen.add(sectionId);
  const all = m.sections.every((s) => seen.has(s.id));
  const completedAt = prev.completedAt ?? (all ? at : undefined);
  p.lessons[m.id] = { ...prev, seen: m.sections.map((s) => s.id).filter((id) => seen.has(id)), ...(completedAt ? { completedAt } : {}) };
  touch(p, localDay(now));
}

/** The sections of a module shown so far (all of them once it is read, for older records). */
export function seenSections(p: Pick<StoredState, "lessons">, m: Module): Set<string> {
  const lesson = p.lessons[m.id];
  if (lesson?.completedAt && !lesson.seen) return new Set(m.sections.map((s) => s.id));
  return new Set(lesson?.seen ?? []);
}

export function recordTime(p: ProgressState, moduleId: string, seconds: number, now: Date): void {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.min(MAX_SECONDS_PER_SCREEN, Math.round(seconds))) : 0;
  if (!s) return;
  p.time[moduleId] = (p.time[moduleId] ?? 0) + s;
  touch(p, localDay(now));
}

/** Adds one answer to a question's summary: the count, the misses, and the latest answer. */
export function summarize(summary: QuestionSummary | undefined, a: Answer): QuestionSummary {
  const s = summary ?? { answers: 0, misses: 0, lastAt: a.at, lastCorrect: a.correct };
  const latest = a.at >= s.lastAt;
  return { answers: s.answers + 1, misses: s.misses + (a.correct ? 0 : 1), lastAt: latest ? a.at : s.lastAt, lastCorrect: latest ? a.correct : s.lastCorrect };
}

/** Every answer summed up per question, by card key. */
export function summarizeAll(answers: readonly Answer[]): Record<string, QuestionSummary> {
  const out: Record<string, QuestionSummary> = {};
  for (const a of answers) {
    const key = cardKey(a.module, a.question);
    out[key] = summarize(Object.hasOwn(out, key) ? out[key] : undefined, a);
  }
  return out;
}

/**
 * What an answer in the log does to the state: its question's summary, its card (rated as it was
 * when given), the day, and the quiz attempt it belongs to. Used for new answers and to replay
 * answers a killed writer had appended to the log but not yet to the state.
 */
export function applyAnswer(p: StoredState, a: Answer): void {
  const key = cardKey(a.module, a.question);
  // A new rating for an answer already counted: the card was re-rated when it was given.
  if (a.rerated) return;
  p.questions[key] = summarize(p.questions[key], a);
  p.cards[key] = rate(p.cards[key], gradingOf(a.rating, a.correct), new Date(a.at));
  // A quiz in progress keeps the first answer to each of its questions (where it resumes, and its score).
  const attempt = p.quizzes?.[a.module];
  if (attempt && a.source !== "review" && a.at >= attempt.startedAt && attempt.order.includes(a.question) && !attempt.answers?.[a.question]) {
    attempt.answers = { ...attempt.answers, [a.question]: { correct: a.correct, at: a.at } };
  }
  touch(p, localDay(a.at));
}

/** An answer is a review of the question's card: wrong rates it Again, right as the learner says. */
export function recordAnswer(
  p: ProgressState,
  q: Question,
  choice: string,
  correct: boolean,
  grading: Grading,
  source: "quiz" | "review",
  now: Date,
): void {
  const g: Grading = correct ? grading : "again";
  const answer: Answer = { module: q.module, question: q.id, choice, correct, at: now.toISOString(), rating: RATING[g] as 1 | 2 | 3 | 4, source };
  p.newAnswers.push(answer);
  applyAnswer(p, answer);
  p.last = { kind: source === "review" ? "review" : "quiz", module: q.module, at: answer.at };
}

/**
 * The learner said how sure they were after a right answer that was saved as Good: rate it again
 * from the card it had before. If another process reviewed the card since, its state is kept. The
 * log gets a line that gives the answer (found by its question and time) its new rating.
 */
export function regrade(p: ProgressState, q: Question, at: string, grading: Grading, before: StoredCard | undefined): void {
  const key = cardKey(q.module, q.id);
  // A wrong answer keeps its Again; only a right one is rated by how sure the learner was.
  const latest = p.questions[key];
  if (latest?.lastAt === at && !latest.lastCorrect) return;
  p.newAnswers.push({ module: q.module, question: q.id, choice: "", correct: true, at, rating: RATING[grading] as 1 | 2 | 3 | 4, rerated: true });
  if (p.cards[key]?.last_review === at) p.cards[key] = rate(before, grading, new Date(at));
}
