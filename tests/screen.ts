// Drives the CLI through a real pseudo-terminal and reads the screen the way a person sees it:
// everything the program writes goes through a terminal emulator (@xterm/headless) of the same
// size, and tests assert on its rows, not on the raw byte stream.
import { createRequire } from "node:module";
import { spawn, type IPty } from "@lydell/node-pty";
import type { Terminal as XTerm } from "@xterm/headless";
import { BIN } from "./helpers.js";

const require = createRequire(import.meta.url);
const { Terminal } = require("@xterm/headless") as typeof import("@xterm/headless");

export const KEY = {
  enter: "\r",
  escape: "\u001b",
  down: "\u001b[B",
  up: "\u001b[A",
  pageDown: "\u001b[6~",
  pageUp: "\u001b[5~",
  ctrlC: "\u0003",
  backspace: "\u007f",
} as const;

export interface Exit {
  code: number;
  signal: number;
}

export class Screen {
  readonly pty: IPty;
  readonly term: XTerm;
  /** Every byte the program wrote, for the few checks that are about bytes (no colour codes). */
  raw = "";
  readonly exited: Promise<Exit>;
  private pending = 0;
  private lastData = 0;

  constructor(args: string[], env: NodeJS.ProcessEnv, readonly size: { cols: number; rows: number } = { cols: 80, rows: 24 }) {
    this.term = new Terminal({ cols: size.cols, rows: size.rows, allowProposedApi: true, scrollback: 1000 });
    this.pty = spawn(process.execPath, [BIN, ...args], { name: "xterm-256color", cols: size.cols, rows: size.rows, env: env as Record<string, string> });
    this.pty.onData((d) => {
      this.raw += d;
      this.lastData = Date.now();
      this.pending++;
      this.term.write(d, () => this.pending--);
    });
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode, signal }) => resolve({ code: exitCode, signal: signal ?? 0 })));
  }

  /**
   * The emulator has drawn everything received, and nothing has arrived for a moment: a frame
   * larger than one read of the pty comes in pieces, and a test must not read half of one.
   */
  private get settled(): boolean {
    return this.pending === 0 && Date.now() - this.lastData > 40;
  }

  /** The visible rows, trailing spaces trimmed. */
  lines(): string[] {
    const b = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) out.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? "");
    return out;
  }

  /** The visible screen as text. */
  text(): string {
    return this.lines().join("\n");
  }

  /** Rows that continue the row above because something was wider than the terminal. */
  overflowing(): number[] {
    const b = this.term.buffer.active;
    const rows: number[] = [];
    for (let y = 0; y < this.term.rows; y++) if (b.getLine(b.viewportY + y)?.isWrapped) rows.push(y);
    return rows;
  }

  /** Whether the cell holding the first occurrence of `text` on screen is shown in reverse video. */
  isInverse(text: string): boolean | undefined {
    const b = this.term.buffer.active;
    const lines = this.lines();
    const y = lines.findIndex((l) => l.includes(text));
    if (y < 0) return undefined;
    const x = lines[y]!.indexOf(text);
    return Boolean(b.getLine(b.viewportY + y)?.getCell(x)?.isInverse());
  }

  /** Waits until the screen shows `pattern` (and the emulator has caught up); returns the screen. */
  async waitFor(pattern: string | RegExp, timeout = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.text();
      const found = typeof pattern === "string" ? screen.includes(pattern) : pattern.test(screen);
      if (found && this.settled) return this.text();
      if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${String(pattern)}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until `pattern` is no longer on the screen. */
  async waitForGone(pattern: string | RegExp, timeout = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.text();
      const found = typeof pattern === "string" ? screen.includes(pattern) : pattern.test(screen);
      if (!found && this.settled) return this.text();
      if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${String(pattern)} to go; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async press(...keys: string[]) {
    for (const k of keys) {
      this.pty.write(k);
      // Escape alone is told apart from an escape sequence by a pause (readline waits 500 ms).
      await new Promise((r) => setTimeout(r, k === KEY.escape ? 600 : 60));
    }
  }

  /** Moves the focus of the list on screen to the item containing `label`, and picks it. */
  async choose(label: string) {
    for (let step = 0; step < 60; step++) {
      const lines = this.lines();
      const cursor = lines.findIndex((l) => l.trimStart().startsWith("❯"));
      const target = lines.findIndex((l) => l.includes(label));
      if (cursor < 0 || target < 0) throw new Error(`no item "${label}" (or no focus) on the screen:\n${lines.join("\n")}`);
      // The focused item may wrap onto the rows below its first one.
      let end = cursor;
      while (end + 1 < lines.length && /^ {3,}\S/.test(lines[end + 1]!) && !lines[end + 1]!.trimStart().startsWith("❯")) end++;
      if (target >= cursor && target <= end) return this.press(KEY.enter);
      const before = this.text();
      await this.press(target > cursor ? KEY.down : KEY.up);
      await this.waitForChange(before);
    }
    throw new Error(`could not reach "${label}"`);
  }

  /** Waits until the screen differs from `before` (a redraw after a key). */
  async waitForChange(before: string, timeout = 5_000) {
    const started = Date.now();
    while (this.text() === before || !this.settled) {
      if (Date.now() - started > timeout) return;
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  resize(cols: number, rows: number) {
    this.pty.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  /** Closes the terminal, as closing its window does: the master side goes away, then SIGHUP. */
  close() {
    (this.pty as IPty & { destroy(): void }).destroy();
  }

  /** Resolves when the process is gone, however it ended (after close() there may be no exit event). */
  async gone(timeout = 10_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      try {
        process.kill(this.pty.pid, 0);
      } catch {
        return;
      }
      if (Date.now() - started > timeout) throw new Error(`process ${this.pty.pid} still running after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  kill(signal?: string) {
    try {
      this.pty.kill(signal);
    } catch {
      // already gone
    }
  }
}
