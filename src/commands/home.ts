// `api-architect` alone: the home menu (the welcome page first, the first time).
import { context } from "../context.js";
import { EXIT, NoTtyError } from "../errors.js";
import type { GlobalOptions } from "../options.js";
import { terminal } from "../output.js";

export async function home(g: GlobalOptions): Promise<number> {
  if (!terminal(g.color, "auto", g.io).interactive) {
    throw new NoTtyError("the home menu", "try `api-architect --help` for commands that print, such as `learn 1 --plain`");
  }
  const ctx = await context(g);
  const { runScreens } = await import("../screens/routes.js");
  await runScreens(ctx, { to: "home" }, "", { welcome: true });
  return EXIT.ok;
}
