// Quiz attempts: which questions a quiz asks, and where a quiz stopped part way resumes. Pure.
import type { Module, Question } from "../content/model.js";
import type { Answer, Progress, QuizAttempt } from "../store/schema.js";
import { latestAnswers, shuffle } from "./status.js";

export type QuizMode = "all" | "missed" | "unanswered";

/** Questions whose latest answer is wrong. */
export function missedQuestions(m: Module, p: Progress): Question[] {
  const latest = latestAnswers(p.answers, m.id);
  return m.quiz.filter((q) => latest.has(q.id) && !latest.get(q.id)!.correct);
}

/** Questions never answered, in a quiz or a review. */
export function unansweredQuestions(m: Module, p: Progress): Question[] {
  const latest = latestAnswers(p.answers, m.id);
  return m.quiz.filter((q) => !latest.has(q.id));
}

/** The questions a new attempt asks, shuffled. */
export function newAttempt(m: Module, p: Progress, mode: QuizMode, now: Date, random: () => number = Math.random): QuizAttempt | undefined {
  const pool = mode === "missed" ? missedQuestions(m, p) : mode === "unanswered" ? unansweredQuestions(m, p) : m.quiz;
  if (!pool.length) return undefined;
  return { order: shuffle(pool, random).map((q) => q.id), startedAt: now.toISOString(), mode };
}

/** The first answer to each of the attempt's questions given since it started. */
export function attemptAnswers(m: Module, p: Progress, a: QuizAttempt): Map<string, Answer> {
  const wanted = new Set(a.order);
  const out = new Map<string, Answer>();
  for (const x of p.answers) {
    if (x.module !== m.id || x.source === "review" || x.at < a.startedAt || !wanted.has(x.question)) continue;
    const prev = out.get(x.question);
    if (!prev || x.at < prev.at) out.set(x.question, x);
  }
  return out;
}

export interface AttemptState {
  attempt: QuizAttempt;
  /** Questions still to ask, in order, with their number in the attempt (1-based). */
  remaining: { question: Question; number: number }[];
  answered: Map<string, Answer>;
}

/** The attempt in progress for a module, if one was stopped part way and its questions still exist. */
export function attemptState(m: Module, p: Progress, a: QuizAttempt | undefined = p.quizzes?.[m.id]): AttemptState | undefined {
  if (!a) return undefined;
  const byId = new Map(m.quiz.map((q) => [q.id, q]));
  const order = a.order.filter((id) => byId.has(id));
  if (!order.length) return undefined;
  const attempt = { ...a, order };
  const answered = attemptAnswers(m, p, attempt);
  const remaining = order.map((id, i) => ({ question: byId.get(id)!, number: i + 1 })).filter((x) => !answered.has(x.question.id));
  return { attempt, remaining, answered };
}

/** A quiz stopped part way: how far it got. */
export function resumable(m: Module, p: Progress): { next: number; total: number } | undefined {
  const s = attemptState(m, p);
  if (!s || !s.remaining.length || !s.answered.size) return undefined;
  return { next: s.remaining[0]!.number, total: s.attempt.order.length };
}
