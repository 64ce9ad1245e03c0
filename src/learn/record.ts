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

export function recordPosition(p: ProgressState, m: Module, index: number, now: Date): void {
  const at = now.toISOString();
  const prev = p.lessons[m.id];
  const end = index === m.sections.length - 1;
  const completedAt = prev?.completedAt ?? (end ? at : undefined);
  p.lessons[m.id] = { ...prev, section: m.sections[index]!.id, updatedAt: at, ...(completedAt ? { completedAt } : {}) };
  p.last = { kind: "lesson", module: m.id, section: m.sections[index]!.id, at };
  touch(p, localDay(now));
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
 * when given) and the day. Used for new answers and to replay answers a killed writer had
 * appended to the log but not yet to the state.
 */
export function applyAnswer(p: StoredState, a: Answer): void {
  const key = cardKey(a.module, a.question);
  // A new rating for an answer already counted: the card was re-rated when it was given.
  if (a.rerated) return;
  p.questions[key] = summarize(p.questions[key], a);
  p.cards[key] = rate(p.cards[key], gradingOf(a.rating, a.correct), new Date(a.at));
  touch(p, localDay(a.at));
}

export interface Recorded {
  answer: Answer;
  /** The question's card before this answer, so that a later rating can replace this one. */
  cardBefore: StoredCard | undefined;
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
): Recorded {
  const g: Grading = correct ? grading : "again";
  const answer: Answer = { module: q.module, question: q.id, choice, correct, at: now.toISOString(), rating: RATING[g] as 1 | 2 | 3 | 4, source };
  const cardBefore = p.cards[cardKey(q.module, q.id)];
  p.newAnswers.push(answer);
  applyAnswer(p, answer);
  p.last = { kind: source === "review" ? "review" : "quiz", module: q.module, at: answer.at };
  return { answer, cardBefore };
}

/**
 * Changes the rating of an answer already saved (a right answer is saved as Good at once; the
 * "how sure" question may then make it Hard or Easy). The card is rated again from its state
 * before the answer, unless another review has moved it on since; the log gets a line that
 * replaces the earlier one.
 */
export function rerateAnswer(p: ProgressState, recorded: Recorded, grading: Grading): Recorded {
  const { answer, cardBefore } = recorded;
  const g: Grading = answer.correct ? grading : "again";
  const rating = RATING[g] as 1 | 2 | 3 | 4;
  if (rating === answer.rating) return recorded;
  const key = cardKey(answer.module, answer.question);
  if (p.cards[key]?.last_review === answer.at) p.cards[key] = rate(cardBefore, g, new Date(answer.at));
  const amended: Answer = { ...answer, rating, rerated: true };
  p.newAnswers.push(amended);
  return { answer: { ...answer, rating }, cardBefore };
}
