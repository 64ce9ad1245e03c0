// Questions on one line, for commands that print and need no full screen (progress reset and
// import, a lab's starter): yes or no with one key, or a line of text.
import { emitKeypressEvents } from "node:readline";
import { CancelledError, NoTtyError } from "../errors.js";
import { endBy, installSignalHandlers, onCleanup } from "../lifecycle.js";
import type { Terminal } from "../output.js";
import { toKey } from "./ui/keys.js";

export function confirm(term: Terminal, question: string, opts: { default: boolean; hint: string }): Promise<boolean> {
  if (!term.interactive) return Promise.reject(new NoTtyError("this command", opts.hint));
  installSignalHandlers();
  const { stdin } = term.io;
  term.write(`${question} ${opts.default ? "[Y/n]" : "[y/N]"} `);
  return new Promise<boolean>((resolve, reject) => {
    const gone = () => void endBy("SIGHUP");
    const finish = (answer: boolean | Error) => {
      stdin.off("keypress", onKey);
      stdin.off("end", gone);
      removeCleanup();
      restore();
      if (answer instanceof Error) {
        term.write("\n");
        reject(answer);
      } else {
        term.write(`${answer ? "yes" : "no"}\n`);
        resolve(answer);
      }
    };
    const restore = () => {
      stdin.setRawMode?.(false);
      stdin.pause();
    };
    const removeCleanup = onCleanup(restore);
    const onKey = (str: string | undefined, key: Parameters<typeof toKey>[1]) => {
      const k = toKey(str, key);
      if (k.ctrl && k.name === "c") finish(new CancelledError());
      else if (k.name === "y" || k.name === "Y") finish(true);
      else if (k.name === "n" || k.name === "N" || k.name === "escape") finish(false);
      else if (k.name === "enter") finish(opts.default);
    };
    emitKeypressEvents(stdin);
    stdin.setRawMode?.(true);
    stdin.on("keypress", onKey);
    stdin.on("end", gone);
    stdin.resume();
  });
}

/** A line of text typed after `question`; Enter accepts, Esc gives undefined, Ctrl+C cancels. */
export function ask(term: Terminal, question: string, opts: { hint: string }): Promise<string | undefined> {
  if (!term.interactive) return Promise.reject(new NoTtyError("this command", opts.hint));
  installSignalHandlers();
  const { stdin } = term.io;
  term.write(`${question} `);
  let text = "";
  return new Promise<string | undefined>((resolve, reject) => {
    const gone = () => void endBy("SIGHUP");
    const restore = () => {
      stdin.setRawMode?.(false);
      stdin.pause();
    };
    const removeCleanup = onCleanup(restore);
    const finish = (answer: string | undefined | Error) => {
      stdin.off("keypress", onKey);
      stdin.off("end", gone);
      removeCleanup();
      restore();
      term.write("\n");
      if (answer instanceof Error) reject(answer);
      else resolve(answer);
    };
    const onKey = (str: string | undefined, key: Parameters<typeof toKey>[1]) => {
      const k = toKey(str, key);
      if (k.ctrl && k.name === "c") finish(new CancelledError());
      else if (k.name === "enter") finish(text);
      else if (k.name === "escape") finish(undefined);
      else if (k.name === "backspace" && text) {
        text = [...text].slice(0, -1).join("");
        term.write("\b \b");
      } else if (k.ch && !k.ctrl && !k.meta && text.length < 500) {
        text += k.ch;
        term.write(k.ch);
      }
    };
    emitKeypressEvents(stdin);
    stdin.setRawMode?.(true);
    stdin.on("keypress", onKey);
    stdin.on("end", gone);
    stdin.resume();
  });
}

/** "Press Enter to go back", after output printed outside the full screen. */
export async function pressEnter(term: Terminal, what = "go back"): Promise<void> {
  if (!term.interactive) return;
  await ask(term, `\nPress Enter to ${what}.`, { hint: "" });
}
