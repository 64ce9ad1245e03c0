// A line of typing on a full screen: a question, the text so far, Enter to accept, Esc to go back.
import chalk from "chalk";
import type { Key } from "./keys.js";
import type { Frame, Size, Step, View } from "./session.js";
import { fit, keyBar, width, wrapText } from "../../render/text.js";

export interface InputOptions {
  header?: (cols: number) => string;
  question: string;
  initial?: string;
  /** A line under the input (an example, or why the last try found nothing). */
  note?: string;
  maxLength?: number;
  /** What Enter does, for the key bar. */
  action?: string;
}

/** Resolves to the text typed, or undefined for Esc. */
export class InputView implements View<string | undefined> {
  private text: string;

  constructor(private readonly o: InputOptions) {
    this.text = o.initial ?? "";
  }

  render({ cols, rows }: Size): Frame {
    const w = Math.min(cols, 100);
    const lines: string[] = [];
    if (this.o.header) lines.push(this.o.header(cols));
    lines.push(...wrapText(chalk.bold(this.o.question), w), "");
    const prompt = "> ";
    // Long input scrolls sideways: the end, where the typing happens, stays in view.
    let shown = this.text;
    while (width(prompt + shown) > w - 1) shown = shown.slice(1);
    const row = lines.length;
    lines.push(prompt + shown);
    if (this.o.note) lines.push("", ...wrapText(chalk.dim(this.o.note), w));
    while (lines.length < rows - 1) lines.push("");
    lines.length = rows - 1;
    lines.push(chalk.dim(fit(keyBar([{ keys: "enter", label: this.o.action ?? "accept", priority: 3 }, { keys: "esc", label: "back", priority: 2 }, { keys: "ctrl+u", label: "clear" }], cols), cols)));
    return { lines, cursor: { row, col: width(prompt + shown) } };
  }

  key(k: Key): Step<string | undefined> {
    if (k.name === "enter") return { done: this.text };
    if (k.name === "escape") return { done: undefined };
    if (k.name === "backspace") this.text = [...this.text].slice(0, -1).join("");
    else if (k.ctrl && k.name === "u") this.text = "";
    else if (k.ctrl && k.name === "w") this.text = this.text.replace(/\S*\s*$/, "");
    else if (k.ch && !k.ctrl && !k.meta && this.text.length < (this.o.maxLength ?? 200)) this.text += k.ch;
  }
}
