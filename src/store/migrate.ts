// Brings a progress file of any earlier format up to the current one. Each step is a pure
// function from one format to the next, tested on its own.
import * as v from "valibot";
import { rate, gradingOf } from "../learn/schedule.js";
import { cardKey, localDay, progressSchema, progressV1Schema, STORE_VERSION, type Progress, type ProgressV1 } from "./schema.js";

/** 1 → 2: cards are rebuilt by replaying the answers in time order; activity days from dates. */
const validDate = (at: string) => !Number.isNaN(new Date(at).getTime());

export function v1ToV2(old: ProgressV1): Progress {
  // Answers with unreadable dates stay in the log but cannot be scheduled.
  const answers = old.answers.filter((a) => validDate(a.at)).sort((a, b) => a.at.localeCompare(b.at));
  const cards: Progress["cards"] = {};
  for (const a of answers) {
    const key = cardKey(a.module, a.question);
    cards[key] = rate(cards[key], gradingOf(undefined, a.correct), new Date(a.at));
  }
  const days = new Set<string>();
  for (const a of answers) days.add(localDay(a.at));
  for (const l of Object.values(old.lessons)) if (validDate(l.updatedAt)) days.add(localDay(l.updatedAt));
  return {
    ...old,
    version: 2,
    answers: old.answers.map((a) => ({ ...a, rating: a.correct ? 3 : 1, source: "quiz" as const })),
    cards,
    time: {},
    days: [...days].sort(),
    marks: {},
    labs: {},
  };
}

export type MigrationResult =
  | { kind: "current"; progress: Progress }
  | { kind: "migrated"; progress: Progress; from: number }
  | { kind: "newer"; version: number }
  | { kind: "invalid" };

export function migrate(data: unknown): MigrationResult {
  const version = typeof data === "object" && data !== null ? (data as { version?: unknown }).version : undefined;
  if (typeof version === "number" && version > STORE_VERSION) return { kind: "newer", version };
  if (version === 1) {
    const old = v.safeParse(progressV1Schema, data);
    if (!old.success) return { kind: "invalid" };
    const next = v.safeParse(progressSchema, v1ToV2(old.output));
    return next.success ? { kind: "migrated", progress: next.output, from: 1 } : { kind: "invalid" };
  }
  const current = v.safeParse(progressSchema, data);
  return current.success ? { kind: "current", progress: current.output } : { kind: "invalid" };
}
