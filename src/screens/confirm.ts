// A yes/no question on one line, answered with one key: for commands that print (progress reset,
// progress import), which need no full screen.
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
