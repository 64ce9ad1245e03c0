// Small text helpers that do not need the markdown stack.
import { wrapAnsi } from "fast-wrap-ansi";

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

export function wrap(text: string, width: number): string {
  return wrapAnsi(text, width, { hard: true });
}

/** Wraps text after a prefix, continuation lines lined up under the text. */
export function hangingIndent(text: string, prefix: string, width: number): string {
  const pad = " ".repeat(prefix.length);
  return wrap(text, Math.max(20, width - prefix.length))
    .split("\n")
    .map((l, i) => (i === 0 ? prefix : pad) + l)
    .join("\n");
}
