// answers.jsonl, the review log: one answer per line, appended under the store's lock. A writer
// killed mid-append leaves at most a torn last line, which readers ignore and the next writer
// cuts off. Lines that are not answers are skipped and counted, never allowed to spoil the rest.
import { closeSync, constants, fstatSync, ftruncateSync, openSync, writeSync } from "node:fs";
import * as v from "valibot";
import { FileProblem, formatBytes, readRegularFile, writeAtomic } from "../files.js";
import { answerSchema, type Answer } from "./schema.js";

/** The most the log may hold on disk: several hundred thousand answers. */
export const MAX_LOG_BYTES = 256 << 20;

export interface LogRead {
  answers: Answer[];
  /** Offset just past the last complete line read. */
  end: number;
  /** Complete lines that were not valid answers. */
  skipped: number;
}

/** The answers in the log from byte `from` on (the whole log by default). */
export function readLog(path: string, from = 0): LogRead {
  const buf = readRegularFile(path, MAX_LOG_BYTES);
  if (!buf || buf.length <= from) return { answers: [], end: Math.min(from, buf?.length ?? 0), skipped: 0 };
  const last = buf.lastIndexOf(0x0a);
  if (last < from) return { answers: [], end: from, skipped: 0 };
  const answers: Answer[] = [];
  let skipped = 0;
  for (const line of buf.toString("utf8", from, last).split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = v.safeParse(answerSchema, JSON.parse(line));
      if (parsed.success) answers.push(parsed.output);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { answers, end: last + 1, skipped };
}

export function logLine(a: Answer): string {
  return `${JSON.stringify(a)}\n`;
}

/**
 * Appends answers after byte `at`, cutting off anything past it (the torn line of a writer killed
 * mid-append), and returns the new length.
 */
export function appendLog(path: string, answers: readonly Answer[], at: number): number {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND, 0o644);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileProblem("it is not a regular file", "not-a-file");
    if (st.size !== at) ftruncateSync(fd, Math.min(at, st.size));
    const data = Buffer.from(answers.map(logLine).join(""), "utf8");
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    return Math.min(at, st.size) + data.length;
  } finally {
    closeSync(fd);
  }
}

/** Replaces the whole log at once (migration, import, reset); returns its length. */
export function writeLog(path: string, answers: readonly Answer[], maxBytes = MAX_LOG_BYTES): number {
  const data = Buffer.from(answers.map(logLine).join(""), "utf8");
  if (data.length > maxBytes) throw new FileProblem(`the answer log would grow past ${formatBytes(maxBytes)}`, "too-large");
  writeAtomic(path, data);
  return data.length;
}
