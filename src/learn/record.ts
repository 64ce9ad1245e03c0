// How activity is written into progress. Pure: each function changes the object it is given, and
// takes the time as an argument.
import type { Module, Question } from "../content/model.js";
import { cardKey, localDay, type Progress } from "../store/schema.js";
import { rate, RATING, type Grading } from "./schedule.js";

/** Time spent on one screen counts up to this much; longer means the learner walked away. */
export const MAX_SECONDS_PER_SCREEN = 300;

function touch(p: Progress, now: Date) {
  const day = localDay(now);
  if (!p.days.includes(day)) p.days = [...p.days, day].sort();
}

export function recordPosition(p: Progress, m: Module, index: number, now: Date): void {
  const at = now.toISOString();
  const prev = p.lessons[m.id];
  const end = index === m.sections.length - 1;
  const completedAt = prev?.completedAt ?? (end ? at : undefined);
  p.lessons[m.id] = { ...prev, section: m.sections[index]!.id, updatedAt: at, ...(completedAt ? { completedAt } : {}) };
  p.last = { kind: "lesson", module: m.id, section: m.sections[index]!.id, at };
  touch(p, now);
}

export function recordTime(p: Progress, moduleId: string, seconds: number, now: Date): void {
  const s = Math.max(0, Math.min(MAX_SECONDS_PER_SCREEN, Math.round(seconds)));
  if (!s) return;
  p.time[moduleId] = (p.time[moduleId] ?? 0) + s;
  touch(p, now);
}

/** An answer is a review of the question's card: wrong rates it Again, right as the learner says. */
export function recordAnswer(
  p: Progress,
  q: Question,
  choice: string,
  correct: boolean,
  grading: Grading,
  source: "quiz" | "review",
  now: Date,
): void {
  const at = now.toISOString();
  const g: Grading = correct ? grading : "again";
  p.answers.push({ module: q.module, question: q.id, choice, correct, at, rating: RATING[g] as 1 | 2 | 3 | 4, source });
  const key = cardKey(q.module, q.id);
  p.cards[key] = rate(p.cards[key], g, now);
  p.last = { kind: source === "review" ? "review" : "quiz", module: q.module, at };
  touch(p, now);
}
