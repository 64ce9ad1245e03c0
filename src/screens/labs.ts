// The labs on the full screen: pick a lab, then read the brief, write a starter, check the server
// (its watch loop runs on the normal screen, then the menu comes back), a hint, the solution.
import type { Lab, Stack } from "../content/model.js";
import { labStatus } from "../labs/record.js";
import { textLines } from "../render/lesson.js";
import { pad2 } from "../render/text.js";
import { backLabel, showDocument, titleBar } from "./common.js";
import type { ScreenContext } from "./nav.js";
import { ListView, type Entry } from "./ui/list.js";

type Action = "brief" | "starter" | "check" | "hint" | "solution" | "back";

export async function labsScreen(sc: ScreenContext): Promise<void> {
  let last: Lab | undefined;
  for (;;) {
    const p = sc.progress();
    const items: Entry<Lab | null>[] = sc.course.labs.map((lab) => {
      const s = labStatus(lab, p);
      const state = s.passed ? "passed" : s.lastRunAt ? `${s.passing}/${s.checks} passing` : `${s.checks} checks`;
      return { label: `${pad2(lab.moduleNumber)}  ${lab.title}`, hint: state, value: lab, description: lab.summary, mark: s.passed ? "✓" : "·" };
    });
    const lab = await sc.ui.show(
      new ListView<Lab | null>({
        header: titleBar("Labs: build Encore in your stack; the tutor checks your running server"),
        items: [...items, { separator: true }, { label: backLabel(sc), value: null }],
        initial: last,
        back: { value: null, label: backLabel(sc) },
      }),
    );
    if (!lab) return;
    last = lab;
    await labActions(sc, lab);
  }
}

async function labActions(sc: ScreenContext, lab: Lab): Promise<void> {
  const cmd = await import("../commands/lab.js");
  const stack: Stack = sc.settings().stack ?? "typescript";
  let last: Action | undefined;
  for (;;) {
    const s = labStatus(lab, sc.progress());
    const action = await sc.ui.show(
      new ListView<Action>({
        header: titleBar(`Lab ${pad2(lab.moduleNumber)} · ${lab.title} (${s.passed ? "passed" : `${s.passing}/${s.checks} passing`})`),
        items: [
          { label: "What to build", value: "brief" },
          { label: "Write a starter project", value: "starter" },
          { label: "Check my server", value: "check", description: "Runs the checks on the normal screen: Enter checks again, h shows a hint, q comes back here." },
          { label: "Hint for a check", value: "hint" },
          { label: s.passed ? "Reference solution" : "Reference solution (after a pass)", value: "solution" },
          { separator: true },
          { label: "Back", value: "back" },
        ],
        initial: last,
        back: { value: "back", label: "Back" },
      }),
    );
    if (action === "back") return;
    last = action;
    const title = `Lab ${pad2(lab.moduleNumber)} · ${lab.title}`;
    if (action === "brief") await showDocument(sc, { title, layout: () => textLines(cmd.renderLabBrief(sc, lab, stack)) });
    else if (action === "hint") {
      const id = await sc.ui.show(
        new ListView<string | null>({ header: titleBar(`${title} — which check?`), items: lab.checks.map((c) => ({ label: c.title, value: c.id })), back: { value: null, label: "Back" } }),
      );
      if (id) await showDocument(sc, { title: `${title} — hint`, layout: () => textLines(cmd.renderHint(sc, lab, id)) });
    } else if (action === "solution") {
      const text = labStatus(lab, sc.progress()).passed
        ? cmd.renderSolution(sc, lab, stack)
        : `The reference solution opens once every check passes; it is more useful then.\nTo read it now: api-architect lab solution ${lab.id} --anyway`;
      await showDocument(sc, { title: `${title} — solution`, layout: () => textLines(text) });
    } else {
      // The starter's questions and the watch loop print on the normal screen.
      await sc.ui.suspend(async () => {
        sc.term.clear();
        const { pressEnter } = await import("./inline.js");
        try {
          if (action === "starter") await cmd.labStartInteractive(sc, lab, stack);
          else await cmd.runLabCheck(sc, lab, {});
        } catch (e) {
          // A server that is not running is an ordinary outcome here, not the end of the menu.
          if (e instanceof Error && "exitCode" in e && (e as { exitCode: number }).exitCode !== 130) sc.term.print(`\n${e.message}`);
          else throw e;
        }
        if (action === "starter") await pressEnter(sc.term, "go back to the lab");
      });
    }
  }
}
