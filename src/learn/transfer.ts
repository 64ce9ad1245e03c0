// Progress export and import: one versioned document, and a merge that never loses a record.
// Pure.
import { byCodePoint } from "../order.js";
import * as v from "valibot";
import { answerKey, migrateProgress } from "../store/migrate.js";
import { STORE_VERSION, type Progress } from "../store/schema.js";

export const EXPORT_FORMAT = "api-architect-progress";
export const EXPORT_VERSION = 1;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  progress: Progress;
}

export function exportDocument(p: Progress, now = new Date()): ExportDocument {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), progress: p };
}

/** The most answers one import may bring: far more than a learner gives, far less than would slow every command. */
export const MAX_IMPORT_ANSWERS = 200_000;

const envelope = v.object({ format: v.literal(EXPORT_FORMAT), version: v.literal(EXPORT_VERSION), exportedAt: v.pipe(v.string(), v.maxLength(40)), progress: v.unknown() });

/** The progress in an export (of any store format this version reads), or why it is not one. */
export function readExport(data: unknown): { progress: Progress } | { error: string } {
  const env = v.safeParse(envelope, data);
  if (!env.success) {
    const format = (data as { format?: unknown } | null)?.format;
    if (format === EXPORT_FORMAT) return { error: `export format version ${String((data as { version?: unknown }).version).slice(0, 20)} is not one this version reads` };
    return { error: "it is not an api-architect progress export" };
  }
  const answers = (env.output.progress as { answers?: unknown } | null)?.answers;
  if (Array.isArray(answers) && answers.length > MAX_IMPORT_ANSWERS) {
    return { error: `it holds ${answers.length.toLocaleString("en")} answers, more than the ${MAX_IMPORT_ANSWERS.toLocaleString("en")} one import may bring` };
  }
  const result = migrateProgress(env.output.progress, new Date(), true);
  if (result.kind === "newer") return { error: `it holds progress format ${result.version}, newer than this version reads (${STORE_VERSION}); update api-architect` };
  if (result.kind === "invalid") return { error: `its progress does not match the export schema (${result.problem})` };
  if (result.kind === "export") return { error: "it holds an export inside an export" };
  if (result.kind === "current") return { error: "its progress is not a whole store" };
  return { progress: result.progress };
}

export interface MergeSummary {
  answers: number;
  cards: number;
  lessons: number;
  marks: number;
  days: number;
  labs: number;
}

/**
 * Merges `incoming` into `base`: the union of answers (the review log), each card's latest state
 * by review time, lesson positions and skill marks by recency, activity days united, time per
 * module the larger of the two (so importing the same file twice changes nothing). Settings stay.
 */
export function merge(base: Progress, incoming: Progress): { result: Progress; summary: MergeSummary } {
  const result: Progress = structuredClone(base);
  const summary: MergeSummary = { answers: 0, cards: 0, lessons: 0, marks: 0, days: 0, labs: 0 };

  const seen = new Set(result.answers.map(answerKey));
  for (const a of incoming.answers) {
    if (seen.has(answerKey(a))) continue;
    seen.add(answerKey(a));
    result.answers.push(a);
    summary.answers++;
  }
  result.answers.sort((a, b) => byCodePoint(a.at, b.at));

  for (const [key, card] of Object.entries(incoming.cards)) {
    const mine = result.cards[key];
    if (!mine || (card.last_review ?? "") > (mine.last_review ?? "")) {
      result.cards[key] = card;
      summary.cards++;
    }
  }

  for (const [id, lesson] of Object.entries(incoming.lessons)) {
    const mine = result.lessons[id];
    const completedAt = [mine?.completedAt, lesson.completedAt].filter(Boolean).sort()[0];
    if (!mine || lesson.updatedAt > mine.updatedAt) {
      result.lessons[id] = { ...lesson, ...(completedAt ? { completedAt } : {}) };
      summary.lessons++;
    } else if (completedAt && completedAt !== mine.completedAt) {
      result.lessons[id] = { ...mine, completedAt };
      summary.lessons++;
    }
  }

  for (const [stage, skills] of Object.entries(incoming.marks)) {
    for (const [skill, mark] of Object.entries(skills)) {
      const mine = result.marks[stage]?.[skill];
      if (!mine || mark.at > mine.at) {
        result.marks[stage] = { ...result.marks[stage], [skill]: mark };
        summary.marks++;
      }
    }
  }

  // Lab checks by their latest outcome; a lab's first pass is the earliest of the two.
  for (const [id, lab] of Object.entries(incoming.labs ?? {})) {
    const mine = result.labs[id];
    const checks = { ...mine?.checks };
    let changed = !mine;
    for (const [check, r] of Object.entries(lab.checks)) {
      if (!checks[check] || r.at > checks[check]!.at) (checks[check] = r, (changed = true));
    }
    const passedAt = [mine?.passedAt, lab.passedAt].filter((x): x is string => Boolean(x)).sort()[0];
    if (passedAt !== mine?.passedAt) changed = true;
    const newer = !mine || lab.lastRunAt > mine.lastRunAt ? lab : mine;
    result.labs[id] = { ...newer, checks, ...(passedAt ? { passedAt } : {}), lastRunAt: newer.lastRunAt };
    if (changed) summary.labs++;
  }

  const days = new Set(result.days);
  for (const d of incoming.days) if (!days.has(d)) (days.add(d), summary.days++);
  result.days = [...days].sort();

  for (const [id, seconds] of Object.entries(incoming.time)) result.time[id] = Math.max(result.time[id] ?? 0, seconds);
  if (incoming.last && (!result.last || incoming.last.at > result.last.at)) result.last = incoming.last;
  return { result, summary };
}

export function describeMerge(s: MergeSummary): string {
  const parts = [
    `${s.answers} new answer${s.answers === 1 ? "" : "s"} (review log)`,
    `${s.cards} card${s.cards === 1 ? "" : "s"} updated to a later review`,
    `${s.lessons} lesson position${s.lessons === 1 ? "" : "s"} updated`,
    `${s.marks} skill mark${s.marks === 1 ? "" : "s"} updated`,
    `${s.days} new day${s.days === 1 ? "" : "s"} of activity`,
    `${s.labs} lab${s.labs === 1 ? "" : "s"} with newer results`,
  ];
  return parts.join("\n");
}

export function changesAnything(s: MergeSummary): boolean {
  return Object.values(s).some((n) => n > 0);
}
