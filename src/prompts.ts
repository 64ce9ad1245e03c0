// The only module that talks to @inquirer/prompts. Every prompt checks for a terminal first
// (never hang on a pipe) and turns Ctrl+C into CancelledError.
// @inquirer/prompts is imported on first use: printing commands never pay for it.
import { CancelledError, NoTtyError } from "./errors.js";
import type { Terminal } from "./output.js";

/** A line between groups of choices. */
export class Separator {
  readonly separator = true;
}

const inquirer = () => import("@inquirer/prompts");

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}

const identity = (s: string) => s;
const plainTheme = {
  prefix: { idle: "?", done: "✔" },
  style: { answer: identity, message: identity, error: identity, defaultAnswer: identity, help: identity, highlight: (s: string) => s, key: identity, description: identity, disabledChoice: identity, keysHelpTip: () => undefined },
  icon: { cursor: ">" },
};

function theme(t: Terminal) {
  return t.color ? { style: { keysHelpTip: () => undefined } } : plainTheme;
}

function ensureTty(t: Terminal, hint: string) {
  if (!t.stdinTty || !process.stdout.isTTY) throw new NoTtyError("this command", hint);
}

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) throw new CancelledError();
    throw e;
  }
}

export async function select<T>(t: Terminal, message: string, choices: (Choice<T> | Separator)[], opts: { default?: T; hint: string; pageSize?: number }): Promise<T> {
  ensureTty(t, opts.hint);
  const { select: inqSelect, Separator: InqSeparator } = await inquirer();
  const list = choices.map((c) => (c instanceof Separator ? new InqSeparator() : c));
  return guard(inqSelect<T>({ message, choices: list, default: opts.default, pageSize: opts.pageSize ?? 12, loop: false, theme: theme(t) } as never));
}

export async function confirm(t: Terminal, message: string, opts: { default?: boolean; hint: string }): Promise<boolean> {
  ensureTty(t, opts.hint);
  const { confirm: inqConfirm } = await inquirer();
  return guard(inqConfirm({ message, default: opts.default ?? false, theme: theme(t) } as never));
}

export async function input(t: Terminal, message: string, opts: { hint: string }): Promise<string> {
  ensureTty(t, opts.hint);
  const { input: inqInput } = await inquirer();
  return guard(inqInput({ message, theme: theme(t) } as never));
}
