// Small text helpers that do not need the markdown stack: wrapping, measuring, cutting, padding.
import stringWidth from "fast-string-width";
import { wrapAnsi } from "fast-wrap-ansi";

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Characters that are one column wide whatever surrounds them, and that Unicode normalisation
 * leaves alone (a test checks both against fast-string-width): printable ASCII, Latin-1, general
 * punctuation, super- and subscripts, arrows, mathematical operators, box drawing and geometric
 * shapes, and line breaks.
 */
const ONE_COLUMN = /^[\n\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u2070-\u209f\u2190-\u21ff\u2200-\u22ff\u2500-\u257f\u25a0-\u25fc]*$/;

/**
 * Wraps to `width` columns, breaking words longer than a line. Text made only of one-column
 * characters and no escape codes (all plain output) takes a short path that gives exactly what
 * fast-wrap-ansi gives, at a fraction of the cost: its per-character width and escape handling
 * were most of a lesson's rendering time.
 */
export function wrap(text: string, width: number): string {
  if (!ONE_COLUMN.test(text)) return wrapAnsi(text, width, { hard: true });
  return text
    .split("\n")
    .map((line) => wrapLine(line, width))
    .join("\n");
}

/** One line of one-column text, wrapped. */
function wrapLine(line: string, columns: number): string {
  return wrapWords(line, columns) ?? wrapAnyLine(line, columns);
}

/**
 * The common case, words no longer than a line with one space between them: the same breaks as
 * wrapAnyLine, found by position and cut out of the line without building each row word by
 * word. Undefined for anything else (runs of spaces, spaces at the ends, long words, and
 * no-break spaces, which the general path trims at the start of a row).
 */
function wrapWords(line: string, columns: number): string | undefined {
  const n = line.length;
  if (line.includes("\u00a0")) return undefined;
  if (n <= columns) return n && line.charCodeAt(0) !== 32 && line.charCodeAt(n - 1) !== 32 && !line.includes("  ") ? line : undefined;
  let out = "";
  let rowStart = 0;
  let wordStart = 0;
  while (wordStart < n) {
    let wordEnd = line.indexOf(" ", wordStart);
    if (wordEnd < 0) wordEnd = n;
    if (wordEnd === wordStart || wordEnd - wordStart > columns) return undefined;
    // The word ends this row when the row, a space and the word are wider than the line.
    if (wordStart > rowStart && wordEnd - rowStart > columns) {
      out += `${line.slice(rowStart, wordStart - 1)}\n`;
      rowStart = wordStart;
    }
    wordStart = wordEnd + 1;
  }
  if (line.charCodeAt(n - 1) === 32) return undefined;
  return out + line.slice(rowStart);
}

/** fast-wrap-ansi's exec() with hard breaks and trimming, for one-column text. */
function wrapAnyLine(line: string, columns: number): string {
  if (line.trim() === "") return "";
  const words = line.split(" ");
  const rows = [""];
  let rowLength = 0;
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const row = rows[rows.length - 1]!;
    const trimmed = row.trimStart();
    if (row.length !== trimmed.length) {
      rows[rows.length - 1] = trimmed;
      rowLength = trimmed.length;
    }
    if (index !== 0 && rowLength) {
      rows[rows.length - 1] += " ";
      rowLength++;
    }
    if (word.length > columns) {
      const breaksThisLine = 1 + Math.floor((word.length - (columns - rowLength) - 1) / columns);
      const breaksNextLine = Math.floor((word.length - 1) / columns);
      if (breaksNextLine < breaksThisLine) rows.push("");
      breakWord(rows, word, columns);
      rowLength = rows[rows.length - 1]!.length;
      continue;
    }
    if (rowLength + word.length > columns && rowLength && word.length) {
      rows.push("");
      rowLength = 0;
    }
    rows[rows.length - 1] += word;
    rowLength += word.length;
  }
  return rows.map(trimSpacesEnd).join("\n");
}

/** The row without its trailing spaces (a regular expression backtracks over every run of them). */
function trimSpacesEnd(row: string): string {
  let end = row.length;
  while (end && row.charCodeAt(end - 1) === 32) end--;
  return end === row.length ? row : row.slice(0, end);
}

/** Columns a string takes: its length for one-column text, else what fast-string-width says. */
export function textWidth(text: string): number {
  return ONE_COLUMN.test(text) ? text.length : stringWidth(text);
}

/** fast-wrap-ansi's wrapWord(), for one-column text. */
function breakWord(rows: string[], word: string, columns: number) {
  let visible = rows[rows.length - 1]!.length;
  for (let i = 0; i < word.length; i++) {
    if (visible + 1 <= columns) rows[rows.length - 1] += word[i]!;
    else {
      rows.push(word[i]!);
      visible = 0;
    }
    visible++;
    if (visible === columns && i < word.length - 1) {
      rows.push("");
      visible = 0;
    }
  }
  if (!visible && rows[rows.length - 1]!.length && rows.length > 1) rows[rows.length - 2] += rows.pop()!;
}

/** Wraps text after a prefix, continuation lines lined up under the text. */
export function hangingIndent(text: string, prefix: string, width: number): string {
  const pad = " ".repeat(prefix.length);
  return wrap(text, Math.max(20, width - prefix.length))
    .split("\n")
    .map((l, i) => (i === 0 ? prefix : pad) + l)
    .join("\n");
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/y;

export function width(text: string): number {
  return textWidth(text);
}

/** Cuts a line to `cols` columns, ending it with "…" when something was cut. Styles stay intact. */
export function fit(line: string, cols: number): string {
  if (cols <= 0) return "";
  if (stringWidth(line) <= cols) return line;
  let out = "";
  let used = 0;
  let i = 0;
  while (i < line.length) {
    ANSI.lastIndex = i;
    const code = ANSI.exec(line);
    if (code) {
      out += code[0];
      i += code[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    const w = stringWidth(ch);
    if (used + w > cols - 1) break;
    out += ch;
    used += w;
    i += ch.length;
  }
  return `${out}…`;
}

/** Pads a line with spaces to `cols` columns. */
export function pad(line: string, cols: number): string {
  return line + " ".repeat(Math.max(0, cols - stringWidth(line)));
}

/** Word-wraps to `cols` (long words are broken), keeping styles. */
export function wrapText(text: string, cols: number): string[] {
  return wrapAnsi(text, Math.max(1, cols), { hard: true, trim: true }).split("\n");
}

/** Wraps `text` after `prefix`, with continuation lines indented to line up under the text. */
export function hanging(text: string, prefix: string, cols: number, indent = width(prefix)): string[] {
  const lines = wrapText(text, Math.max(10, cols - indent));
  return lines.map((l, i) => (i === 0 ? prefix + " ".repeat(Math.max(0, indent - width(prefix))) : " ".repeat(indent)) + l);
}

/** `left` and `right` on one line of `cols` columns, the left side cut first when they do not fit. */
export function spread(left: string, right: string, cols: number): string {
  const room = cols - width(right) - 1;
  if (room < 8) return fit(left, cols);
  const l = fit(left, room);
  return l + " ".repeat(Math.max(1, cols - width(l) - width(right))) + right;
}

/** Keys for a hint bar ("space next · q back"), dropping the least important until they fit. */
export function keyBar(items: { keys: string; label: string; priority?: number }[], cols: number): string {
  const list = items.map((x, i) => ({ ...x, i, priority: x.priority ?? 1 }));
  const render = (xs: typeof list) => xs.map((x) => `${x.keys} ${x.label}`).join(" · ");
  while (list.length > 1 && width(render(list)) > cols) {
    let drop = 0;
    for (let j = 1; j < list.length; j++) if (list[j]!.priority <= list[drop]!.priority) drop = j;
    list.splice(drop, 1);
  }
  return fit(render(list), cols);
}
