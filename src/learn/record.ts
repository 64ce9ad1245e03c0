// How activity is written into progress. Pure: each function changes the object it is given, and
// takes the time as an argument.
import type { Module, Question } from "../content/model.js";
import { cardKey, localDay, type Progress, type StoredCard } from "../store/schema.js";
import { rate, RATING, type Grading } from "./schedule.js";

/** Time spent on one screen counts up to this much; longer means the learner walked away. */
export const MAX_SECONDS_PER_SCREEN = 300;

function touch(p: Progress, now: Date) {
  const day = localDay(now);
  if (!p.days.includes(day)) p.days = [...p.days, day].sort();
}

/** Where the learner is in a lesson. */
export function recordPosition(p: Progress, m: Module, index: number, now: Date): void {
  const at = now.toISOString();
  const prev = p.lessons[m.id];
  p.lessons[m.id] = { ...prev, section: m.sections[index]!.id, updatedAt: at };
  p.last = { kind: "lesson", module: m.id, section: m.sections[index]!.id, at };
  touch(p, now);
}

/**
 * A section was shown to its end. The module counts as read once every section has been shown,
 * not when the last one is reached by jumping to it.
 */
export function recordSeen(p: Progress, m: Module, sectionId: string, now: Date): void {
  const at = now.toISOString();
  const prev = p.lessons[m.id] ?? { section: sectionId, updatedAt: at };
  const seen = new Set(prev.seen ?? []);
  seen.add(sectionId);
  const all = m.sections.every((s) => seen.has(s.id));
  const completedAt = prev.completedAt ?? (all ? at : undefined);
  p.lessons[m.id] = { ...prev, seen: m.sections.map((s) => s.id).filter((id) => seen.has(id)), ...(completedAt ? { completedAt } : {}) };
  touch(p, now);
}

/** The sections of a module shown so far (all of them once it is read, for older records). */
export function seenSections(p: Progress, m: Module): Set<string> {
  const lesson = p.lessons[m.id];
  if (lesson?.completedAt && !lesson.seen) return new Set(m.sections.map((s) => s.id));
  return new Set(lesson?.seen ?? []);
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

/**
 * The learner said how sure they were after a right answer that was saved as Good: rate it again
 * from the card it had before. If another process reviewed the card since, its state is kept.
 */
export function regrade(p: Progress, q: Question, at: string, grading: Grading, before: StoredCard | undefined): void {
  const answer = p.answers.find((a) => a.module === q.module && a.question === q.id && a.at === at);
  if (!answer || !answer.correct) return;
  answer.rating = RATING[grading] as 1 | 2 | 3 | 4;
  const key = cardKey(q.module, q.id);
  if (p.cards[key]?.last_review === at) p.cards[key] = rate(before, grading, new Date(at));
}
