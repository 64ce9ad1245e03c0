// Drives the CLI through a real pseudo-terminal, the way a person at a keyboard would.
import { spawn, type IPty } from "@lydell/node-pty";
import { BIN, stripAnsi } from "./helpers.js";

export const KEY = { enter: "\r", down: "\u001b[B", up: "\u001b[A", ctrlC: "\u0003" } as const;

export class Session {
  private readonly pty: IPty;
  raw = "";
  private seen = 0;
  readonly exited: Promise<number>;

  constructor(args: string[], env: NodeJS.ProcessEnv, cols = 100, rows = 50) {
    this.pty = spawn(process.execPath, [BIN, ...args], { name: "xterm-256color", cols, rows, env: env as Record<string, string> });
    this.pty.onData((d) => (this.raw += d));
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Plain text of everything printed so far. */
  get text(): string {
    return stripAnsi(this.raw);
  }

  /** Waits until `pattern` appears in output printed after the previous match; returns that output. */
  async waitFor(pattern: string | RegExp, timeout = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const fresh = this.text.slice(this.seen);
      const at = typeof pattern === "string" ? { index: fresh.indexOf(pattern), length: pattern.length } : (() => {
        const m = pattern.exec(fresh);
        return m ? { index: m.index, length: m[0].length } : { index: -1, length: 0 };
      })();
      if (at.index >= 0) {
        // The next wait starts right after this match, so nothing printed later is skipped.
        this.seen += at.index + at.length;
        return fresh;
      }
      if (Date.now() - started > timeout) {
        throw new Error(`timed out waiting for ${String(pattern)}; the screen ended with:\n${fresh.slice(-1500)}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async press(...keys: string[]) {
    for (const k of keys) {
      this.pty.write(k);
      await new Promise((r) => setTimeout(r, 60));
    }
  }

  /** Picks the choice whose label contains `label` in the select prompt that was just drawn. */
  async choose(screen: string, label: string) {
    const lines = screen.split(/\r?\n/);
    const start = lines.findLastIndex((l) => /^\s*[?✔]\s/.test(l) || /^\s*\?/.test(l));
    const choices = lines.slice(start + 1).filter((l) => /^\s*[❯>]?\s+\S/.test(l) && !/^\s*[─-]{3,}/.test(l));
    const index = choices.findIndex((l) => l.includes(label));
    if (index < 0) throw new Error(`no choice "${label}" in:\n${choices.join("\n")}`);
    const cursor = choices.findIndex((l) => /^\s*[❯>]/.test(l));
    const moves = index - Math.max(0, cursor);
    await this.press(...Array(Math.abs(moves)).fill(moves > 0 ? KEY.down : KEY.up), KEY.enter);
  }

  kill() {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
  }
}
