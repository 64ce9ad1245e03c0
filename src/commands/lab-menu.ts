// `api-architect lab`: the labs menu on a terminal (src/screens/labs.ts), the list otherwise.
import { context } from "../context.js";
import { EXIT } from "../errors.js";
import type { GlobalOptions } from "../options.js";
import * as cmd from "./lab.js";

export async function labHome(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  if (opts.json || !ctx.term.interactive) return cmd.labList(opts, g);
  const { runScreens } = await import("../screens/routes.js");
  await runScreens(ctx, { to: "labs" }, "", { welcome: true });
  return EXIT.ok;
}
