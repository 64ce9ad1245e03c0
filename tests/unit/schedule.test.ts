import { describe, expect, it } from "vitest";
import { fsrs, FSRS6_DEFAULT_DECAY, generatorParameters } from "ts-fsrs";
import { gradingOf, isDue, newCard, rate, retrievability } from "../../src/learn/schedule.js";
import { DECAY } from "../../src/learn/recall.js";
import type { StoredCard } from "../../src/store/schema.js";

const t0 = new Date("2026-05-01T09:00:00.000Z");
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

describe("FSRS scheduling (fixed dates)", () => {
  it("a new card is due at once and has never been reviewed", () => {
    const c = newCard(t0);
    expect(c).toMatchObject({ state: 0, reps: 0, lapses: 0, due: t0.toISOString() });
    expect(isDue(c, t0)).toBe(true);
    expect(retrievability(c, t0)).toBe(0);
  });

  it("a good answer pushes the card into the future; again keeps it close", () => {
    const good = rate(undefined, "good", t0);
    const again = rate(undefined, "again", t0);
    expect(good.reps).toBe(1);
    expect(good.last_review).toBe(t0.toISOString());
    expect(new Date(good.due).getTime()).toBeGreaterThan(t0.getTime());
    expect(new Date(again.due).getTime()).toBeLessThanOrEqual(new Date(good.due).getTime());
    expect(isDue(good, t0)).toBe(false);
  });

  it("easy schedules further out than good, good further than hard", () => {
    // Graduate the card first, so each rating is a review of a known card.
    let c = rate(undefined, "good", t0);
    c = rate(c, "good", days(1));
    c = rate(c, "good", new Date(c.due));
    const at = new Date(c.due);
    const due = (g: "hard" | "good" | "easy") => new Date(rate(c, g, at).due).getTime();
    expect(due("easy")).toBeGreaterThan(due("good"));
    expect(due("good")).toBeGreaterThan(due("hard"));
  });

  it("a lapse counts, and stability drops", () => {
    let c = rate(undefined, "good", t0);
    c = rate(c, "good", days(3));
    const before = c.stability;
    c = rate(c, "again", days(20));
    expect(c.lapses).toBe(1);
    expect(c.stability).toBeLessThan(before);
  });

  it("is deterministic: the same answers on the same dates give the same card", () => {
    const run = () => rate(rate(rate(undefined, "good", t0), "hard", days(2)), "easy", days(9));
    expect(run()).toEqual(run());
  });

  it("recall fades with time since the last review", () => {
    const c = rate(rate(undefined, "good", t0), "good", days(1));
    const soon = retrievability(c, days(1.1));
    const later = retrievability(c, days(60));
    expect(soon).toBeGreaterThan(0.9);
    expect(later).toBeLessThan(soon);
  });

  it("maps answers to ratings: wrong is always Again", () => {
    expect(gradingOf(4, false)).toBe("again");
    expect(gradingOf(undefined, true)).toBe("good");
    expect(gradingOf(2, true)).toBe("hard");
    expect(gradingOf(4, true)).toBe("easy");
  });

  it("a card reviewed in the future (a clock set right since) is rated, not a crash", () => {
    const ahead = rate(undefined, "good", days(30));
    const c = rate(ahead, "good", days(1));
    expect(c.reps).toBe(2);
    expect(Number.isFinite(c.stability)).toBe(true);
    expect(retrievability(ahead, days(1))).toBeGreaterThan(0.9);
  });

  it("repairs numbers FSRS cannot use instead of showing NaN", () => {
    const good = rate(undefined, "good", t0);
    const absurd = { ...good, stability: -5, difficulty: 1e300, elapsed_days: -3, reps: 1.5, lapses: -1, learning_steps: 1e12 };
    const r = retrievability(absurd, days(3));
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(1);
    const next = rate(absurd, "good", days(3));
    for (const n of [next.stability, next.difficulty, next.elapsed_days, next.reps]) expect(Number.isFinite(n)).toBe(true);
    expect(isDue({ ...good, due: "not a date" }, t0)).toBe(true);
  });
});

describe("recall without the scheduler (src/learn/recall.ts)", () => {
  it("uses ts-fsrs's own decay", () => {
    expect(DECAY).toBe(generatorParameters({ enable_fuzz: false }).w[20]);
    expect(DECAY).toBe(FSRS6_DEFAULT_DECAY);
  });

  it("gives exactly ts-fsrs's retrievability for cards made by answering, at any moment", () => {
    const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));
    const grades = ["again", "hard", "good", "easy"] as const;
    let seed = 3;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      let card: StoredCard | undefined;
      let at = t0.getTime();
      for (let n = 1 + Math.floor(random() * 12); n > 0; n--) {
        at += Math.floor(random() * 40 * 86_400_000);
        card = rate(card, grades[Math.floor(random() * 4)]!, new Date(at));
      }
      // Before the last review (a clock set back), just after, and up to two years later.
      for (const offset of [-3 * 86_400_000, 0, 3_600_000, random() * 730 * 86_400_000]) {
        const now = new Date(at + offset);
        const last = new Date(Math.min(Date.parse(card!.last_review!), now.getTime()));
        const expected = scheduler.get_retrievability({ ...card!, due: new Date(card!.due), last_review: last }, now, false);
        expect(retrievability({ ...card! }, now), `card ${i} at ${now.toISOString()}`).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBe(1_600);
  });
});
