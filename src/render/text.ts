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

/**
 * Splits rendered lines into pages of at most `height` lines, preferring to break at a blank line
 * in the second half of a page so paragraphs and code blocks stay whole where they can.
 */
export function paginate(lines: string[], height: number): string[][] {
  const h = Math.max(4, height);
  const pages: string[][] = [];
  let start = 0;
  while (start < lines.length) {
    let end = Math.min(lines.length, start + h);
    if (end < lines.length) {
      for (let i = end - 1; i >= start + Math.floor(h / 2); i--) {
        if (!lines[i]!.trim()) {
          end = i + 1;
          break;
        }
      }
    }
    pages.push(lines.slice(start, end));
    start = end;
    while (start < lines.length && !lines[start]!.trim()) start++;
  }
  return pages.length ? pages : [[]];
}
