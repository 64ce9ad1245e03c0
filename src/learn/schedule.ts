// Spaced repetition with FSRS (ts-fsrs): each quiz question is a card. Pure: dates come in as
// arguments, so tests fix them.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from "ts-fsrs";
import type { StoredCard } from "../store/schema.js";
import { reviewedStability } from "./recall.js";

// No fuzz: the same answers on the same dates always give the same schedule.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export type Grading = "again" | "hard" | "good" | "easy";
export const RATING: Record<Grading, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

const clamp = (x: number, lo: number, hi: number, fallback: number) => (Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : fallback);
const whole = (x: number, hi: number) => Math.round(clamp(x, 0, hi, 0));

/**
 * A stored card as FSRS can use it. A card may come from another machine, an older version or a
 * hand edit: numbers FSRS cannot use are clamped into range, and a review dated in the future (a
 * clock set right since, or an export from a machine whose clock ran ahead) counts as now.
 */
function toCard(c: StoredCard, now: Date): Card {
  const state = c.state;
  const due = new Date(c.due);
  const last = c.last_review ? new Date(c.last_review) : undefined;
  const lastOk = last && !Number.isNaN(last.getTime()) ? new Date(Math.min(last.getTime(), now.getTime())) : undefined;
  return {
    due: Number.isNaN(due.getTime()) ? now : due,
    stability: state === 0 ? clamp(c.stability, 0, 36_500, 0) : reviewedStability(c.stability),
    difficulty: state === 0 ? clamp(c.difficulty, 0, 10, 0) : clamp(c.difficulty, 1, 10, 5),
    elapsed_days: whole(c.elapsed_days, 36_500),
    scheduled_days: whole(c.scheduled_days, 36_500),
    learning_steps: whole(c.learning_steps, 100),
    reps: whole(c.reps, 1e9),
    lapses: whole(c.lapses, 1e9),
    state,
    last_review: lastOk,
  };
}

function fromCard(c: Card): StoredCard {
  const out: StoredCard = {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as StoredCard["state"],
  };
  if (c.last_review) out.last_review = c.last_review.toISOString();
  return out;
}

export function newCard(now: Date): StoredCard {
  return fromCard(createEmptyCard(now));
}

/**
 * The card after an answer: wrong is Again; right is the learner's Hard, Good or Easy. An answer
 * older than the card's last review (merged in from another machine) is rated as of that review.
 */
export function rate(card: StoredCard | undefined, grading: Grading, now: Date): StoredCard {
  const last = card?.last_review ? Date.parse(card.last_review) : Number.NaN;
  const at = Number.isFinite(last) && last > now.getTime() ? new Date(last) : now;
  return fromCard(scheduler.next(card ? toCard(card, at) : createEmptyCard(at), at, RATING[grading]).card);
}

export { isDue, retrievability } from "./recall.js";

export function gradingOf(rating: number | undefined, correct: boolean): Grading {
  if (!correct) return "again";
  return rating === 2 ? "hard" : rating === 4 ? "easy" : "good";
}
