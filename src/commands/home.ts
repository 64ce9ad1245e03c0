// `api-architect` alone: the home menu (the welcome page first, the first time).
import { context } from "../context.js";
import { EXIT, NoTtyError } from "../errors.js";
import type { GlobalOptions } from "../options.js";
import { processIo } from "../output.js";

export async function home(g: GlobalOptions): Promise<number> {
  const io = g.io ?? processIo();
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new NoTtyError("the home menu", "try `api-architect --help` for commands that print, such as `learn 1 --plain`");
  }
  const ctx = await context(g);
  const { runScreens } = await import("../screens/routes.js");
  await runScreens(ctx, { to: "home" }, "", { welcome: true });
  return EXIT.ok;
}
