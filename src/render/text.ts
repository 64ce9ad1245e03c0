// Small text helpers that do not need the markdown stack: wrapping, measuring, cutting, padding.
import stringWidth from "fast-string-width";
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

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/y;

export function width(text: string): number {
  return stringWidth(text);
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
