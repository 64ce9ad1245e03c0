// Owns the terminal: whether to colour, how wide to wrap, and the only place that prints.
import chalk from "chalk";

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
  const stdoutTty = Boolean(process.stdout.isTTY);
  const columns = stdoutTty ? process.stdout.columns : Number(process.env.COLUMNS) || 80;
  const t: Terminal = {
    color: decideColor(flagColor, setting, process.env, stdoutTty),
    width: Math.max(40, Math.min(columns || 80, MAX_WIDTH)),
    stdoutTty,
    stdinTty: Boolean(process.stdin.isTTY),
  };
  // Every styled string in the program, marked-terminal's included, goes through this chalk.
  chalk.level = t.color ? (chalk.level || 1) : 0;
  if (t.color && chalk.level === 0) chalk.level = 1;
  return t;
}

export function print(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

export function warn(text: string): void {
  process.stderr.write(`api-architect: ${text}\n`);
}

export function clearScreen(t: Terminal): void {
  // The visible screen only: the learner's scrollback is theirs.
  if (t.stdoutTty) process.stdout.write("\x1b[2J\x1b[H");
}
