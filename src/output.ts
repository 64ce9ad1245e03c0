// Owns the terminal: whether to colour, how wide to wrap, and the only place that prints.
//
// Printing commands write with fs.writeSync and look at their file descriptors with fstat: they
// never create process.stdout or process.stdin, whose stream machinery (net, stream, tty) costs
// more to load than most commands take to run. Interactive screens create the streams anyway.
import chalk from "chalk";
import { fstatSync, writeSync } from "node:fs";
import { escapeControls } from "./escape.js";

const ttyCache = new Map<number, boolean>();

/** Whether a file descriptor is a terminal; only a character device is asked the real question. */
export function isTty(fd: 0 | 1 | 2): boolean {
  let known = ttyCache.get(fd);
  if (known === undefined) {
    try {
      // node:tty loads net and the stream classes: only a character device is worth the cost.
      known = fstatSync(fd).isCharacterDevice() && process.getBuiltinModule("node:tty").isatty(fd);
    } catch {
      known = false;
    }
    ttyCache.set(fd, known);
  }
  return known;
}

/** The streams are made on first use; this says whether that has happened. */
const streamsMade = new Set<number>();
export function noteStreamMade(fd: number): void {
  streamsMade.add(fd);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to a file descriptor, waiting out a full non-blocking pipe. */
export function writeAll(fd: 1 | 2, text: string): void {
  if (streamsMade.has(fd)) {
    // Keep order with what an interactive screen has written through the stream.
    (fd === 1 ? process.stdout : process.stderr).write(text);
    return;
  }
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      // The reader has not caught up: wait a moment (a fifth of a millisecond) and try again.
      Atomics.wait(pause, 0, 0, 0.2);
    }
  }
}

export interface Terminal {
  color: boolean;
  width: number;
  /** stdout is a terminal a person is looking at. */
  stdoutTty: boolean;
  /** stdin can answer prompts. */
  stdinTty: boolean;
}

export type ColorSetting = "auto" | "always" | "never";

/** The user's wishes, strongest first: --no-color, NO_COLOR, TERM=dumb, the setting, FORCE_COLOR, a TTY. */
export function decideColor(flag: boolean, setting: ColorSetting, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (!flag) return false;
  if (env.NO_COLOR) return false;
  if (env.TERM === "dumb") return false;
  if (setting === "never") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  if (setting === "always") return true;
  return isTty;
}

/** Lines are wrapped to the terminal, but never wider than is comfortable to read. */
export const MAX_WIDTH = 100;

export function terminal(flagColor: boolean, setting: ColorSetting = "auto"): Terminal {
  const stdoutTty = isTty(1);
  const columns = stdoutTty ? process.stdout.columns : Number(process.env.COLUMNS) || 80;
  const t: Terminal = {
    color: decideColor(flagColor, setting, process.env, stdoutTty),
    width: Math.max(40, Math.min(columns || 80, MAX_WIDTH)),
    stdoutTty,
    // Asked only by interactive paths: a check of stdin can cost more than a printing command.
    get stdinTty() {
      return isTty(0);
    },
  };
  // Every styled string in the program, marked-terminal's included, goes through this chalk.
  chalk.level = t.color ? (chalk.level || 1) : 0;
  if (t.color && chalk.level === 0) chalk.level = 1;
  return t;
}

export function print(text: string): void {
  writeAll(1, text.endsWith("\n") ? text : `${text}\n`);
}

/** One line on stderr. Whatever it quotes (a path, an argument, a file's text) cannot drive the terminal. */
export function warn(text: string): void {
  writeAll(2, `api-architect: ${escapeControls(text, true)}\n`);
}

export function clearScreen(t: Terminal): void {
  // The visible screen only: the learner's scrollback is theirs.
  if (t.stdoutTty) process.stdout.write("\x1b[2J\x1b[H");
}
