// The "Labs" entry of the home menu: pick a lab, then read the brief, write a starter, check
// the server (the watch loop), read a hint or, after a pass, the reference solution.
import type { GlobalOptions } from "../cli.js";
import { context, type Context } from "../context.js";
import type { Lab, Stack } from "../content/model.js";
import { EXIT } from "../errors.js";
import { clearScreen, print } from "../output.js";
import { select, Separator } from "../prompts.js";
import { pad2 } from "../render/text.js";
import { labStatus } from "../labs/record.js";
import * as cmd from "./lab.js";

type Action = "brief" | "starter" | "check" | "hint" | "solution" | "back";

async function pause(ctx: Context) {
  await select(ctx.term, " ", [{ name: "Back", value: true }], { hint: "" });
}

async function labActions(ctx: Context, lab: Lab): Promise<void> {
  const stack: Stack = ctx.progress().settings.stack ?? "typescript";
  for (;;) {
    const s = labStatus(lab, ctx.progress());
    const action = await select<Action>(
      ctx.term,
      `Lab ${pad2(lab.moduleNumber)} · ${lab.title} (${s.passed ? "passed" : `${s.passing}/${s.checks} passing`})`,
      [
        { name: "What to build", value: "brief" },
        { name: "Write a starter project", value: "starter" },
        { name: "Check my server", value: "check" },
        { name: "Hint for a check", value: "hint" },
        { name: s.passed ? "Reference solution" : "Reference solution (after a pass)", value: "solution" },
        new Separator(),
        { name: "Back", value: "back" },
      ],
      { hint: "" },
    );
    if (action === "back") return;
    clearScreen(ctx.term);
    try {
      if (action === "brief") print(cmd.renderLabBrief(ctx, lab, stack));
      else if (action === "starter") await cmd.labStartInteractive(ctx, lab, stack);
      else if (action === "check") await cmd.runLabCheck(ctx, lab, {});
      else if (action === "hint") {
        const id = await select<string>(ctx.term, "Which check?", lab.checks.map((c) => ({ name: c.title, value: c.id })), { hint: "" });
        print(cmd.renderHint(ctx, lab, id));
      } else if (action === "solution") {
        print(labStatus(lab, ctx.progress()).passed
          ? cmd.renderSolution(ctx, lab, stack)
          : `The reference solution opens once every check passes; it is more useful then.\nTo read it now: api-architect lab solution ${lab.id} --anyway`);
      }
    } catch (e) {
      // A server that is not running is an ordinary outcome here, not the end of the menu.
      if (e instanceof Error && "exitCode" in e && (e as { exitCode: number }).exitCode !== 130) print(`\n${e.message}`);
      else throw e;
    }
    if (action !== "check") await pause(ctx);
  }
}

export async function labMenu(ctx: Context): Promise<void> {
  for (;;) {
    clearScreen(ctx.term);
    const p = ctx.progress();
    const choice = await select<Lab | "back">(
      ctx.term,
      "Labs: build Encore in your stack; the tutor checks your running server",
      [
        ...ctx.course.labs.map((lab) => {
          const s = labStatus(lab, p);
          const state = s.passed ? "✓ passed" : s.lastRunAt ? `${s.passing}/${s.checks}` : `${s.checks} checks`;
          return { name: `${pad2(lab.moduleNumber)}  ${lab.title}  (${state})`, value: lab, description: lab.summary };
        }),
        new Separator(),
        { name: "Back", value: "back" as const },
      ],
      { hint: "" },
    );
    if (choice === "back") return;
    await labActions(ctx, choice);
  }
}

/** `api-architect lab`: the menu on a terminal, the list otherwise. */
export async function labHome(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  if (opts.json || !process.stdin.isTTY || !process.stdout.isTTY) return cmd.labList(opts, g);
  await labMenu(await context(g));
  return EXIT.ok;
}
