// The full-screen session: the alternate screen (the learner's scrollback is left alone, as less
// and man do), raw single keys, redraw on resize, and a clean end on Ctrl+C, SIGTERM or a closed
// terminal. One view is shown at a time; a view returns a value when it is done.
import { emitKeypressEvents } from "node:readline";
import { CancelledError, NoTtyError } from "../../errors.js";
import { endBy, installSignalHandlers, isEnding, onCleanup } from "../../lifecycle.js";
import type { Terminal } from "../../output.js";
import { toKey, type Key } from "./keys.js";
import { fit } from "../../render/text.js";

export interface Size {
  cols: number;
  rows: number;
}

export interface Frame {
  lines: string[];
  /** Where to show the cursor (0-based), when the view takes typing. */
  cursor?: { row: number; col: number };
}

/** What a key did: nothing to report (redraw), or the view's result. */
export type Step<T> = void | { done: T };

export interface View<T> {
  render(size: Size): Frame;
  key(key: Key, size: Size): Step<T>;
}

const ALT_ON = "\u001b[?1049h";
const ALT_OFF = "\u001b[?1049l";
const HIDE = "\u001b[?25l";
const SHOW = "\u001b[?25h";
const SYNC_ON = "\u001b[?2026h";
const SYNC_OFF = "\u001b[?2026l";

export class Ui {
  private current?: { view: View<unknown>; resolve(v: unknown): void; reject(e: unknown): void };
  private queue: Key[] = [];
  private cancelled = false;
  private started = false;
  private removeCleanup?: () => void;
  private readonly onKeypress = (str: string | undefined, key: Parameters<typeof toKey>[1]) => this.handle(toKey(str, key));
  private readonly onResize = () => this.draw();
  private readonly onGone = () => void endBy("SIGHUP");

  constructor(readonly term: Terminal) {}

  get size(): Size {
    return { cols: this.term.columns, rows: this.term.rows };
  }

  start(hint = "run it in a terminal"): void {
    if (this.started) return;
    if (!this.term.interactive) throw new NoTtyError("this command", hint);
    this.started = true;
    installSignalHandlers();
    const { stdin, stdout } = this.term.io;
    emitKeypressEvents(stdin);
    stdin.setRawMode?.(true);
    stdin.on("keypress", this.onKeypress);
    // The terminal closing shows up as the end of input or a read error, sometimes before SIGHUP.
    stdin.on("end", this.onGone);
    stdin.on("error", this.onGone);
    stdin.resume();
    stdout.on("resize", this.onResize);
    this.term.write(ALT_ON + HIDE);
    this.removeCleanup = onCleanup(() => this.restore());
  }

  /** Leaves the alternate screen and gives the terminal back. */
  stop(): void {
    if (!this.started) return;
    this.removeCleanup?.();
    this.restore();
  }

  private restore() {
    if (!this.started) return;
    this.started = false;
    const { stdin, stdout } = this.term.io;
    stdin.off("keypress", this.onKeypress);
    stdin.off("end", this.onGone);
    stdin.off("error", this.onGone);
    stdout.off("resize", this.onResize);
    try {
      this.term.write(SHOW + ALT_OFF);
      stdin.setRawMode?.(false);
    } finally {
      stdin.pause();
    }
  }

  /**
   * Gives the terminal back while `work` prints on the normal screen and reads its own keys (a
   * lab's watch loop, a question on one line), then takes the full screen again.
   */
  async suspend<T>(work: () => Promise<T>): Promise<T> {
    this.stop();
    try {
      return await work();
    } finally {
      this.start();
    }
  }

  /** Shows a view until it is done; Ctrl+C rejects with CancelledError. */
  show<T>(view: View<T>): Promise<T> {
    if (this.cancelled) return Promise.reject(new CancelledError());
    return new Promise<T>((resolve, reject) => {
      this.current = { view: view as View<unknown>, resolve: resolve as (v: unknown) => void, reject };
      this.draw();
      // Keys typed while the program was busy go to the view that comes next, in order.
      while (this.current?.view === view && this.queue.length) this.handle(this.queue.shift()!);
    });
  }

  private handle(key: Key) {
    if (isEnding()) return;
    if (key.ctrl && (key.name === "c" || key.name === "C")) {
      this.cancelled = true;
      const c = this.current;
      this.current = undefined;
      c?.reject(new CancelledError());
      return;
    }
    const c = this.current;
    if (!c) {
      this.queue.push(key);
      return;
    }
    let step: Step<unknown>;
    try {
      step = c.view.key(key, this.size);
    } catch (e) {
      this.current = undefined;
      c.reject(e);
      return;
    }
    if (step && "done" in step) {
      this.current = undefined;
      c.resolve(step.done);
    } else this.draw();
  }

  /** Redraws the current view: every row positioned and cleared, nothing left from the last frame. */
  draw(): void {
    const c = this.current;
    if (!c || !this.started || isEnding()) return;
    const { cols, rows } = this.size;
    const frame = c.view.render({ cols, rows });
    const reset = this.term.color ? "\u001b[0m" : "";
    // Synchronized output: terminals that know it show the frame at once, never half drawn.
    let out = SYNC_ON;
    for (let r = 0; r < rows; r++) {
      const line = frame.lines[r] ?? "";
      out += `\u001b[${r + 1};1H\u001b[2K${fit(line, cols)}${reset}`;
    }
    out += frame.cursor ? `\u001b[${frame.cursor.row + 1};${frame.cursor.col + 1}H${SHOW}` : HIDE;
    out += SYNC_OFF;
    this.term.write(out);
  }
}
