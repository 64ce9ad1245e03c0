// A menu on a full screen: lines of text above (a header, a question), items below that wrap
// with a hanging indent, the focused item's description under the list, and a key bar. Items are
// picked with the arrows and Enter, by number, or by their own letter; Esc or q goes back.
import chalk from "chalk";
import { is, type Key } from "./keys.js";
import type { Frame, Size, Step, View } from "./session.js";
import { hanging, keyBar, wrapText } from "../../render/text.js";

export interface Item<T> {
  label: string;
  value: T;
  /** Shown dim after the label. */
  hint?: string;
  /** Shown under the list while this item is focused. */
  description?: string;
  /** A reason it cannot be picked now (or just true). */
  disabled?: boolean | string;
  /** A letter that picks this item at once. */
  key?: string;
  /** A one-character mark before the label (✓ read, ▸ here). */
  mark?: string;
}

export interface Separator {
  separator: true;
  label?: string;
}

export type Entry<T> = Item<T> | Separator;

export interface ListOptions<T> {
  /** Lines above the items; plain strings are wrapped to the width. */
  intro?: string[] | ((cols: number) => string[]);
  items: Entry<T>[];
  /** The item focused at first. */
  initial?: T;
  /** Number the items and let digits pick them. */
  numbered?: boolean;
  /** What Esc and q return; without it they do nothing. */
  back?: { value: T; label: string };
  /** Text shown under the list, e.g. a note after an answer. */
  outro?: (cols: number) => string[];
  /** Extra keys: return a value to finish. */
  keys?: (key: Key) => T | undefined;
  /** Extra key hints for the bar. */
  bar?: { keys: string; label: string; priority?: number }[];
  /** The top line, kept in place while the rest scrolls. */
  header?: (cols: number) => string;
}

const isSeparator = <T>(e: Entry<T>): e is Separator => "separator" in e;

export class ListView<T> implements View<T> {
  private focus: number;
  private scroll = 0;

  constructor(private readonly o: ListOptions<T>) {
    const start = o.initial === undefined ? -1 : o.items.findIndex((e) => !isSeparator(e) && e.value === o.initial && !e.disabled);
    this.focus = start >= 0 ? start : this.nextEnabled(-1, 1);
  }

  private enabled(i: number): boolean {
    const e = this.o.items[i];
    return Boolean(e && !isSeparator(e) && !e.disabled);
  }

  private nextEnabled(from: number, dir: 1 | -1): number {
    for (let i = from + dir; i >= 0 && i < this.o.items.length; i += dir) if (this.enabled(i)) return i;
    return from;
  }

  private numberOf(i: number): number {
    let n = 0;
    for (let j = 0; j <= i; j++) if (!isSeparator(this.o.items[j]!)) n++;
    return n;
  }

  render({ cols, rows }: Size): Frame {
    const width = Math.min(cols, 100);
    const header = this.o.header ? [this.o.header(cols)] : [];
    const intro = typeof this.o.intro === "function" ? this.o.intro(width) : (this.o.intro ?? []).flatMap((l) => (l ? wrapText(l, width) : [""]));
    const body: string[] = [...intro];
    if (intro.length) body.push("");
    let focusStart = 0;
    let focusEnd = 0;
    const numbers = this.o.items.filter((e) => !isSeparator(e)).length;
    const numWidth = String(numbers).length;
    this.o.items.forEach((e, i) => {
      if (isSeparator(e)) {
        body.push(e.label ? chalk.dim(e.label) : "");
        return;
      }
      const focused = i === this.focus;
      const cursor = focused ? chalk.cyan("❯") : " ";
      const num = this.o.numbered ? `${String(this.numberOf(i)).padStart(numWidth)}. ` : "";
      const mark = e.mark !== undefined ? `${e.mark} ` : "";
      const reason = typeof e.disabled === "string" ? ` (${e.disabled})` : "";
      let label = e.label + (e.hint ? `  ${chalk.dim(e.hint)}` : "") + reason;
      if (e.disabled) label = chalk.dim(label);
      else if (focused) label = chalk.bold(label);
      const prefix = `${cursor} ${num}${mark}`;
      const lines = hanging(label, prefix, width, 2 + num.length + mark.length);
      if (focused) focusStart = body.length;
      body.push(...lines);
      if (focused) focusEnd = body.length;
    });
    const focused = this.o.items[this.focus];
    const after: string[] = [];
    if (focused && !isSeparator(focused) && focused.description) after.push("", ...wrapText(chalk.dim(focused.description), width));
    if (this.o.outro) after.push("", ...this.o.outro(width));
    body.push(...after);
    const bar = this.bar(cols);
    const room = Math.max(1, rows - header.length - 1);
    // Scroll only as far as needed to keep the focused item (and what follows it) in view.
    if (body.length <= room) this.scroll = 0;
    else {
      const want = Math.min(body.length, focusEnd + Math.min(after.length, 3));
      if (want > this.scroll + room) this.scroll = want - room;
      if (focusStart < this.scroll) this.scroll = focusStart;
      if (this.focus === this.nextEnabled(-1, 1)) this.scroll = Math.min(this.scroll, Math.max(0, focusStart - intro.length - 1));
      this.scroll = Math.max(0, Math.min(this.scroll, body.length - room));
    }
    const visible = body.slice(this.scroll, this.scroll + room);
    while (visible.length < room) visible.push("");
    return { lines: [...header, ...visible, chalk.dim(bar)] };
  }

  private bar(cols: number): string {
    const items: { keys: string; label: string; priority?: number }[] = [{ keys: "↑↓", label: "move", priority: 1 }, { keys: "enter", label: "choose", priority: 3 }];
    if (this.o.numbered) items.push({ keys: `1-${Math.min(9, this.o.items.filter((e) => !isSeparator(e)).length)}`, label: "pick", priority: 2 });
    items.push(...(this.o.bar ?? []));
    if (this.o.back) items.push({ keys: "q", label: this.o.back.label.toLowerCase(), priority: 4 });
    return keyBar(items, cols);
  }

  key(k: Key): Step<T> {
    if (is.enter(k) || k.name === "space") {
      const e = this.o.items[this.focus];
      if (e && !isSeparator(e) && !e.disabled) return { done: e.value };
      return;
    }
    // The view's own keys and the items' letters come before letters that move the focus.
    const own = this.o.keys?.(k);
    if (own !== undefined) return { done: own };
    const byKey = k.ch ? this.o.items.findIndex((e) => !isSeparator(e) && !e.disabled && e.key === k.ch) : -1;
    if (byKey >= 0) return { done: (this.o.items[byKey] as Item<T>).value };
    if (this.o.numbered && k.ch && /^[1-9]$/.test(k.ch)) {
      const n = Number(k.ch);
      const i = this.o.items.findIndex((e, j) => !isSeparator(e) && this.numberOf(j) === n);
      if (i >= 0 && this.enabled(i)) return { done: (this.o.items[i] as Item<T>).value };
      return;
    }
    if (is.down(k) || k.name === "j" || k.name === "tab") this.focus = this.nextEnabled(this.focus, 1);
    else if (is.up(k) || k.name === "k") this.focus = this.nextEnabled(this.focus, -1);
    else if (k.name === "home") this.focus = this.nextEnabled(-1, 1);
    else if (k.name === "end") this.focus = this.nextEnabled(this.o.items.length, -1);
    else if (is.pageDown(k)) for (let i = 0; i < 5; i++) this.focus = this.nextEnabled(this.focus, 1);
    else if (is.pageUp(k)) for (let i = 0; i < 5; i++) this.focus = this.nextEnabled(this.focus, -1);
    else if (this.o.back && (k.name === "escape" || k.name === "q" || k.name === "left")) return { done: this.o.back.value };
  }
}
