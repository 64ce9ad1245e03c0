// Quiz attempts: which questions a quiz asks, and where a quiz stopped part way resumes. Pure.
// Read from the state alone (the per-question summaries and the attempt's own answers), never
// from the answer log, so a quiz costs the same at 20,000 answers as at none.
import type { Module, Question } from "../content/model.js";
import { cardKey, type QuizAttempt, type StoredState } from "../store/schema.js";
import { shuffle } from "./status.js";

export type QuizMode = "all" | "missed" | "unanswered";

/** What attempts read from the store. */
type Progress = Pick<StoredState, "questions" | "quizzes">;

/** The first answer given to a question since its attempt started. */
export interface AttemptAnswer {
  correct: boolean;
  at: string;
}

/** Questions whose latest answer is wrong. */
export function missedQuestions(m: Module, p: Progress): Question[] {
  return m.quiz.filter((q) => {
    const s = p.questions[cardKey(m.id, q.id)];
    return s !== undefined && !s.lastCorrect;
  });
}

/** Questions never answered, in a quiz or a review. */
export function unansweredQuestions(m: Module, p: Progress): Question[] {
  return m.quiz.filter((q) => p.questions[cardKey(m.id, q.id)] === undefined);
}

/** The questions a new attempt asks, shuffled. */
export function newAttempt(m: Module, p: Progress, mode: QuizMode, now: Date, random: () => number = Math.random): QuizAttempt | undefined {
  const pool = mode === "missed" ? missedQuestions(m, p) : mode === "unanswered" ? unansweredQuestions(m, p) : m.quiz;
  if (!pool.length) return undefined;
  return { order: shuffle(pool, random).map((q) => q.id), startedAt: now.toISOString(), mode };
}

/** The first answer to each of the attempt's questions given since it started (kept with the attempt). */
export function attemptAnswers(a: QuizAttempt): Map<string, AttemptAnswer> {
  const wanted = new Set(a.order);
  const out = new Map<string, AttemptAnswer>();
  for (const [question, x] of Object.entries(a.answers ?? {})) if (wanted.has(question) && x.at >= a.startedAt) out.set(question, x);
  return out;
}

export interface AttemptState {
  attempt: QuizAttempt;
  /** Questions still to ask, in order, with their number in the attempt (1-based). */
  remaining: { question: Question; number: number }[];
  answered: Map<string, AttemptAnswer>;
}

/**
 * The attempt in progress for a module, if one was stopped part way and its questions still
 * exist. Pass the attempt as the store has it now: its answers are recorded there as they are given.
 */
export function attemptState(m: Module, p: Progress, a: QuizAttempt | undefined = p.quizzes?.[m.id]): AttemptState | undefined {
  if (!a) return undefined;
  const byId = new Map(m.quiz.map((q) => [q.id, q]));
  const order = a.order.filter((id) => byId.has(id));
  if (!order.length) return undefined;
  const attempt = { ...a, order };
  const answered = attemptAnswers(attempt);
  const remaining = order.map((id, i) => ({ question: byId.get(id)!, number: i + 1 })).filter((x) => !answered.has(x.question.id));
  return { attempt, remaining, answered };
}

/** A quiz stopped part way: how far it got. */
export function resumable(m: Module, p: Progress): { next: number; total: number } | undefined {
  const s = attemptState(m, p);
  if (!s || !s.remaining.length || !s.answered.size) return undefined;
  return { next: s.remaining[0]!.number, total: s.attempt.order.length };
}
