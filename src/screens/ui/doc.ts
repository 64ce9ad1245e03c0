// A document on a full screen, as less shows one: a header that stays put, the text paged by
// screen rows, a key bar at the bottom. A table that continues from the page before repeats its
// head; code that continues says whose code it is. Resizing keeps the line at the top in place.
import chalk from "chalk";
import type { Line } from "../../render/markdown.js";
import { is, type Key } from "./keys.js";
import type { Frame, Size, Step, View } from "./session.js";
import { keyBar, spread } from "../../render/text.js";

export interface BarItem {
  keys: string;
  label: string;
  priority?: number;
}

export interface DocState {
  atStart: boolean;
  atEnd: boolean;
  /** 0-100: how far through the document the bottom of the screen is. */
  percent: number;
}

export interface DocOptions<T> {
  /** The document's lines at a width; called again when the width changes. */
  layout(width: number): Line[];
  /** The top line: where the reader is. */
  header(cols: number, state: DocState): string;
  /** Key hints for the bar. */
  bar(state: DocState): BarItem[];
  /** Value for q and Esc. */
  back: T;
  /** Value for space, Enter or n at the end; without it they stop there. */
  forward?: T;
  /** Value for b or p at the top; without it they stop there. */
  backward?: T;
  /** Other keys; return a value to finish. */
  keys?(key: Key, state: DocState): T | undefined;
  /** Words to mark, and to open at. */
  highlight?: RegExp;
  /** Start at the end instead of the top (coming back from the next section). */
  fromEnd?: boolean;
  /** Called when the last line has been on screen. */
  onEnd?(): void;
}

// eslint-disable-next-line no-control-regex
const ANSI = /(\u001b\[[0-9;]*m)/;

/** Marks the matches of `pattern` in a styled line, leaving escape codes alone. */
export function mark(line: string, pattern: RegExp): string {
  return line
    .split(ANSI)
    .map((part, i) => (i % 2 ? part : part.replace(pattern, (m) => chalk.inverse(m))))
    .join("");
}

export class DocView<T> implements View<T> {
  private lines: Line[] = [];
  private laidOutAt = -1;
  private top = 0;
  private positioned = false;
  private endSeen = false;

  constructor(private readonly o: DocOptions<T>) {}

  /** Lines above the text and the key bar below it. */
  private static readonly CHROME = 2;

  private ensure(width: number) {
    if (width === this.laidOutAt) return;
    const anchor = this.lines[this.top];
    this.lines = this.o.layout(width);
    this.laidOutAt = width;
    if (anchor && this.positioned) {
      // The same block, at the line holding the same character: the reader's place survives a re-wrap.
      let best = -1;
      this.lines.forEach((l, i) => {
        if (l.block === anchor.block && l.offset <= anchor.offset) best = i;
      });
      this.top = best >= 0 ? best : Math.min(this.top, this.lines.length - 1);
    }
  }

  /** Lays the document out again on the next draw (its content changed), keeping the place. */
  relayout(): void {
    this.laidOutAt = -1;
  }

  private stickyAt(top: number): string[] {
    return this.lines[top]?.sticky ?? [];
  }

  private room(rows: number) {
    return Math.max(1, rows - DocView.CHROME);
  }

  private shown(top: number, rows: number): number {
    return Math.max(1, this.room(rows) - this.stickyAt(top).length);
  }

  private maxTop(rows: number): number {
    for (let t = Math.max(0, this.lines.length - this.room(rows)); t < this.lines.length; t++) {
      if (t + this.shown(t, rows) >= this.lines.length) return t;
    }
    return Math.max(0, this.lines.length - 1);
  }

  private state(rows: number): DocState {
    const shown = this.shown(this.top, rows);
    const bottom = Math.min(this.lines.length, this.top + shown);
    return { atStart: this.top === 0, atEnd: bottom >= this.lines.length, percent: this.lines.length ? Math.round((bottom / this.lines.length) * 100) : 100 };
  }

  render({ cols, rows }: Size): Frame {
    const width = Math.min(cols, 100);
    this.ensure(width);
    if (!this.positioned) {
      this.positioned = true;
      if (this.o.fromEnd) this.top = this.maxTop(rows);
      else if (this.o.highlight) {
        const probe = new RegExp(this.o.highlight.source, "i");
        const hit = this.lines.findIndex((l) => probe.test(l.text.replace(/\u001b\[[0-9;]*m/g, "")));
        if (hit > 0) this.top = Math.min(this.maxTop(rows), Math.max(0, hit - 2));
      }
    }
    this.top = Math.min(this.top, this.maxTop(rows));
    const sticky = this.stickyAt(this.top);
    // Right under a repeated table head, the rule between rows would be drawn twice.
    const from = sticky.length && this.lines[this.top]?.rule ? this.top + 1 : this.top;
    const body = this.lines.slice(from, this.top + this.shown(this.top, rows)).map((l) => l.text);
    const state = this.state(rows);
    if (state.atEnd && !this.endSeen) {
      this.endSeen = true;
      this.o.onEnd?.();
    }
    const marked = this.o.highlight ? body.map((l) => mark(l, this.o.highlight!)) : body;
    const content = [...sticky, ...marked];
    while (content.length < this.room(rows)) content.push("");
    return { lines: [this.o.header(cols, state), ...content, chalk.dim(keyBar(this.o.bar(state), cols))] };
  }

  key(k: Key, { rows }: Size): Step<T> {
    const state = this.state(rows);
    const own = this.o.keys?.(k, state);
    if (own !== undefined) return { done: own };
    const forward = is.enter(k) || k.name === "space" || k.name === "n" || is.pageDown(k);
    const backward = k.name === "b" || k.name === "p" || is.pageUp(k);
    if (forward) {
      if (state.atEnd) return this.o.forward !== undefined && !is.pageDown(k) ? { done: this.o.forward } : undefined;
      let next = this.top + this.shown(this.top, rows);
      // Start the next page at the start of a table row or a code line, not in its middle.
      for (let t = next; t > this.top + 1 && this.lines[t]?.cont; t--) if (!this.lines[t - 1]?.cont) next = t - 1;
      this.top = Math.min(this.maxTop(rows), next);
    } else if (backward) {
      if (state.atStart) return this.o.backward !== undefined && !is.pageUp(k) ? { done: this.o.backward } : undefined;
      let t = this.top;
      // Back by one screen of text: the lines that were shown above the current top.
      for (let used = 0; t > 0 && used < this.room(rows) - this.stickyAt(t - 1).length; t--) used++;
      this.top = Math.max(0, t);
    } else if (is.down(k)) this.top = Math.min(this.maxTop(rows), this.top + 1);
    else if (is.up(k)) this.top = Math.max(0, this.top - 1);
    else if (is.home(k)) this.top = 0;
    else if (is.end(k)) this.top = this.maxTop(rows);
    else if (is.back(k)) return { done: this.o.back };
  }
}

/** A header line: what is open on the left, where in it on the right. */
export function headerLine(left: string, state: DocState, cols: number, right = ""): string {
  const where = state.atStart && state.atEnd ? "all" : state.atStart ? "top" : state.atEnd ? "end" : `${state.percent}%`;
  return chalk.dim(spread(left, [right, where].filter(Boolean).join(" · "), cols));
}
