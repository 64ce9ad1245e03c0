// The terminal: the only writer to stdout and stderr, and the only reader of isTTY, columns and
// rows. It decides colour and width; commands and screens print through it. For the process's own
// streams it writes with fs.writeSync and asks fstat about terminals, so a printing command never
// makes process.stdout or process.stdin (see io.ts).
import chalk from "chalk";
import { escapeControls } from "./escape.js";
import { processIo, ttyOf, writeTo, type Io } from "./io.js";
import { columnsOf, rowsOf } from "./size.js";

export { isTty, noteStreamMade, processIo, writeAll, type Io } from "./io.js";

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
/** Narrower than this, nothing lays out sensibly; wrap as if it were this wide. */
export const MIN_WIDTH = 40;

export class Terminal {
  /** stdout is a terminal a person is looking at. */
  readonly stdoutTty: boolean;

  constructor(
    readonly io: Io,
    public color: boolean,
  ) {
    this.stdoutTty = ttyOf(io, 1);
    // Every styled string in the program, marked-terminal's included, goes through this chalk.
    chalk.level = color ? chalk.level || 1 : 0;
    active = this;
  }

  /** Colour on or off from now on (the setting changed). */
  setColor(on: boolean): void {
    this.color = on;
    chalk.level = on ? chalk.level || 1 : 0;
  }

  /** stdin can answer prompts. Asked only by interactive paths: checking stdin can cost more than a printing command. */
  get stdinTty(): boolean {
    return ttyOf(this.io, 0);
  }

  get env(): NodeJS.ProcessEnv {
    return this.io.env;
  }

  /** Both ends are terminals: screens and prompts can run. */
  get interactive(): boolean {
    return this.stdoutTty && this.stdinTty;
  }

  /** The terminal's width now (it changes when the window is resized); COLUMNS when piped. */
  get columns(): number {
    return columnsOf(this.io);
  }

  get rows(): number {
    return rowsOf(this.io);
  }

  /** The width text is wrapped to. */
  get width(): number {
    return Math.max(MIN_WIDTH, Math.min(this.columns, MAX_WIDTH));
  }

  /** Writes bytes to stdout as they are (screens draw with this). */
  write(raw: string): void {
    writeTo(this.io, 1, raw);
  }

  /** Prints text on stdout, ending it with a newline. */
  print(text: string): void {
    writeTo(this.io, 1, text.endsWith("\n") ? text : `${text}\n`);
  }

  /** Clears the visible screen (not the scrollback, which is the learner's), on a terminal only. */
  clear(): void {
    if (this.stdoutTty) writeTo(this.io, 1, "\u001b[2J\u001b[H");
  }

  /** A message for the person on stderr, such as a note about where a file was written. */
  note(text: string): void {
    const safe = escapeControls(text, true);
    writeTo(this.io, 2, safe.endsWith("\n") ? safe : `${safe}\n`);
  }

  /**
   * A warning or a failure on stderr, with the program's name in front. Whatever it quotes (a
   * path, an argument, a file's text) has its control characters made visible.
   */
  warn(text: string): void {
    writeTo(this.io, 2, `api-architect: ${escapeControls(text, true)}\n`);
  }

  /**
   * Prints text that may be long: through a pager when it is taller than the screen and both
   * ends are terminals (as git does), otherwise straight out. Piped output is never paged.
   */
  async page(text: string, opts: { pager: boolean; title?: string }): Promise<void> {
    const lines = text.replace(/\n$/, "").split("\n").length;
    if (!opts.pager || !this.interactive || lines < this.rows) {
      this.print(text);
      return;
    }
    // Loaded only when a page is needed: printing commands stay light.
    const { pageText } = await import("./screens/pager.js");
    await pageText(this, text, opts.title);
  }
}

let active: Terminal | undefined;

/** The terminal for a command: colour from the flag, the saved setting and the environment. */
export function terminal(flagColor: boolean, setting: ColorSetting = "auto", io: Io = processIo()): Terminal {
  return new Terminal(io, decideColor(flagColor, setting, io.env, ttyOf(io, 1)));
}

/**
 * A warning from code that runs before a command has its terminal (the store, while it opens).
 * It goes through the command's terminal when there is one.
 */
export function warn(text: string): void {
  if (active) active.warn(text);
  else writeTo(processIo(), 2, `api-architect: ${escapeControls(text, true)}\n`);
}
