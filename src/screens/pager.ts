// Long output on a terminal goes through a pager, as git and gh do: API_ARCHITECT_PAGER, then
// PAGER, then `less -FRX`; the built-in view when none can run. An empty value or "cat" means no
// pager; "builtin" asks for the built-in view.
import { spawn } from "node:child_process";
import { installSignalHandlers } from "../lifecycle.js";
import type { Terminal } from "../output.js";
import { textLines } from "../render/lesson.js";
import { DocView, headerLine } from "./ui/doc.js";
import { Ui } from "./ui/session.js";

type Pager = { kind: "none" } | { kind: "builtin" } | { kind: "command"; command: string; shell: boolean };

export function choosePager(env: NodeJS.ProcessEnv): Pager {
  const wanted = env.API_ARCHITECT_PAGER ?? env.PAGER;
  if (wanted === undefined) return { kind: "command", command: "less", shell: false };
  const value = wanted.trim();
  if (!value || value === "cat") return { kind: "none" };
  if (value === "builtin") return { kind: "builtin" };
  return { kind: "command", command: value, shell: true };
}

/** Runs the pager with the text on its input. False if it could not be started. */
function runPager(term: Terminal, pager: Extract<Pager, { kind: "command" }>, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    // less: quit at once if it fits (-F), pass colours (-R), leave the text on screen (-X).
    const env = { ...term.env, LESS: term.env.LESS ?? "FRX", LV: term.env.LV ?? "-c" };
    const child = pager.shell
      ? spawn(pager.command, { shell: true, stdio: ["pipe", "inherit", "inherit"], env })
      : spawn(pager.command, ["-FRX"], { stdio: ["pipe", "inherit", "inherit"], env });
    // Ctrl+C belongs to the pager while it runs (as in git): it must not end this process under it.
    const ignore = () => {};
    process.on("SIGINT", ignore);
    let started = true;
    child.on("error", () => {
      started = false;
    });
    child.stdin.on("error", () => {
      // The learner quit before reading everything: not an error.
    });
    child.on("close", (code) => {
      process.off("SIGINT", ignore);
      // 127: the shell could not find the command.
      resolve(started && code !== 127);
    });
    child.stdin.end(text);
  });
}

/** Shows text that is taller than the screen. */
export async function pageText(term: Terminal, text: string, title = ""): Promise<void> {
  const pager = choosePager(term.env);
  if (pager.kind === "none") return term.print(text);
  if (pager.kind === "command" && (await runPager(term, pager, text))) return;
  installSignalHandlers();
  const ui = new Ui(term);
  ui.start();
  try {
    await ui.show(
      new DocView<null>({
        layout: () => textLines(text),
        header: (cols, state) => headerLine(title || "api-architect", state, cols),
        bar: () => [
          { keys: "space", label: "down", priority: 3 },
          { keys: "b", label: "up", priority: 2 },
          { keys: "q", label: "quit", priority: 4 },
        ],
        back: null,
        forward: null,
      }),
    );
  } finally {
    ui.stop();
  }
}
