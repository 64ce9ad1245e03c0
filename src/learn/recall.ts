// How well a learner recalls a question now, from its FSRS card: the forgetting curve ts-fsrs
// uses (FSRS-6), worked out here so that read-only commands (modules, progress, roadmap) need not
// load and set up the scheduler. Pure: dates come in as arguments. tests/unit/schedule.test.ts
// checks both the constant and the figures against ts-fsrs itself.
import type { StoredCard } from "../store/schema.js";

/** FSRS-6's default decay (ts-fsrs's FSRS6_DEFAULT_DECAY, the last of its default weights). */
export const DECAY = 0.1542;
const DAY_MS = 86_400_000;
const roundTo = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
// The curve passes through 90% recall at t = stability: R(t) = (1 + factor·t/S)^-decay.
const FACTOR = roundTo(Math.exp(Math.log(0.9) / -DECAY) - 1, 8);

/**
 * A reviewed card's stability as the scheduler uses it: a number from another machine, an older
 * version or a hand edit is clamped into range (schedule.ts's cards share this rule).
 */
export function reviewedStability(stability: number): number {
  return Number.isFinite(stability) ? Math.min(36_500, Math.max(0.01, stability)) : 1;
}

// A command asks about the same cards at the same moment several times (a module's status, its
// stage, the overall figures): each card's answer is kept for that moment.
const recalled = new WeakMap<StoredCard, { at: number; r: number }>();

/**
 * The probability of recalling the card now (0..1); 0 for a card never reviewed. As the
 * scheduler sees a card (see schedule.ts): stability clamped into range, and a review dated in
 * the future counted as now.
 */
export function retrievability(card: StoredCard | undefined, now: Date): number {
  if (!card || !card.last_review || card.state === 0) return 0;
  const at = now.getTime();
  const seen = recalled.get(card);
  if (seen && seen.at === at) return seen.r;
  const last = Date.parse(card.last_review);
  let value = 0;
  if (!Number.isNaN(last)) {
    const days = Math.max(Math.floor((at - Math.min(last, at)) / DAY_MS), 0);
    const r = roundTo(Math.pow(1 + (FACTOR * days) / +reviewedStability(card.stability).toFixed(8), -DECAY), 8);
    value = Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
  }
  recalled.set(card, { at, r: value });
  return value;
}

/** Whether the card is due for review (a card whose date cannot be read is). */
export function isDue(card: StoredCard, now: Date): boolean {
  const due = new Date(card.due).getTime();
  return Number.isNaN(due) || due <= now.getTime();
}
