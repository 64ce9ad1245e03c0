// `lab check` on a terminal stays open, like rustlings' watch mode: Enter runs the checks again,
// h shows the hint of the first failing check, q quits. Raw keypresses on stdin, nothing else;
// stdin is in raw mode only while waiting for a key, so Ctrl+C during a run still interrupts.
import { EXIT } from "../errors.js";

export interface WatchIo {
  input: NodeJS.ReadStream;
  write(text: string): void;
}

export interface WatchActions {
  /** Runs the checks and prints them; resolves to the exit code of that run. */
  run(): Promise<number>;
  /** The hint to show for `h`, or undefined when every check passed. */
  hint(): string | undefined;
  clear(): void;
}

export const WATCH_KEYS = "Enter: check again · h: hint for the first failing check · q: quit";

function nextKey(input: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve) => {
    const done = (data: Buffer | string) => {
      input.off("data", done);
      input.off("end", ended);
      input.setRawMode?.(false);
      input.pause();
      resolve(String(data));
    };
    const ended = () => done("q");
    input.setRawMode?.(true);
    input.on("data", done);
    input.once("end", ended);
    input.resume();
  });
}

export async function watchLoop(actions: WatchActions, io: WatchIo): Promise<number> {
  let code = await actions.run();
  for (;;) {
    io.write(`\n${WATCH_KEYS}\n`);
    const key = await nextKey(io.input);
    if (key === "\u0003") return EXIT.interrupted;
    if (key === "q" || key === "Q" || key === "\u0004") return code;
    if (key === "h" || key === "H") {
      io.write(`\n${actions.hint() ?? "Every check passes: there is no hint to show."}\n`);
    } else if (key === "\r" || key === "\n" || key === "r") {
      actions.clear();
      code = await actions.run();
    }
  }
}
