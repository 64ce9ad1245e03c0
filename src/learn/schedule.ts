// Spaced repetition with FSRS (ts-fsrs): each quiz question is a card. Pure: dates come in as
// arguments, so tests fix them.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from "ts-fsrs";
import type { StoredCard } from "../store/schema.js";

// No fuzz: the same answers on the same dates always give the same schedule.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export type Grading = "again" | "hard" | "good" | "easy";
export const RATING: Record<Grading, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

function toCard(c: StoredCard): Card {
  return { ...c, due: new Date(c.due), last_review: c.last_review ? new Date(c.last_review) : undefined, state: c.state };
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

/** The card after an answer: wrong is Again; right is the learner's Hard, Good or Easy. */
export function rate(card: StoredCard | undefined, grading: Grading, now: Date): StoredCard {
  return fromCard(scheduler.next(toCard(card ?? newCard(now)), now, RATING[grading]).card);
}

/** The probability of recalling the card now (0..1); 0 for a card never reviewed. */
export function retrievability(card: StoredCard | undefined, now: Date): number {
  if (!card || !card.last_review) return 0;
  return scheduler.get_retrievability(toCard(card), now, false);
}

export function isDue(card: StoredCard, now: Date): boolean {
  return new Date(card.due).getTime() <= now.getTime();
}

export function gradingOf(rating: number | undefined, correct: boolean): Grading {
  if (!correct) return "again";
  return rating === 2 ? "hard" : rating === 4 ? "easy" : "good";
}
