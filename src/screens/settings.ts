// Settings: the stack code is shown in, and colour.
import { STACKS, STACK_LABELS, type Stack } from "../content/model.js";
import { decideColor, type ColorSetting } from "../output.js";
import { enableHighlighting } from "../render/highlight.js";
import { titleBar } from "./common.js";
import type { ScreenContext } from "./nav.js";
import { ListView } from "./ui/list.js";

export async function settingsScreen(sc: ScreenContext): Promise<void> {
  let last: "stack" | "color" | undefined;
  for (;;) {
    const s = sc.settings();
    const which = await sc.ui.show(
      new ListView<"stack" | "color" | "back">({
        header: titleBar("Settings"),
        items: [
          { label: `Stack: ${STACK_LABELS[s.stack ?? "typescript"]}`, value: "stack", description: "The stack code examples are shown in (also: api-architect config set stack <name>)." },
          { label: `Colour: ${s.color ?? "auto"}`, value: "color", description: "auto follows the terminal; NO_COLOR and --no-color always win." },
          { separator: true },
          { label: "Back", value: "back" },
        ],
        initial: last,
        back: { value: "back", label: "Back" },
      }),
    );
    if (which === "back") return;
    last = which;
    if (which === "stack") {
      const stack = await sc.ui.show(
        new ListView<Stack | undefined>({ header: titleBar("Show code in"), items: STACKS.map((x) => ({ label: STACK_LABELS[x], value: x })), initial: s.stack, numbered: true, back: { value: undefined, label: "Back" } }),
      );
      if (stack) await sc.saveSettings((s) => void (s.stack = stack));
    } else {
      const color = await sc.ui.show(
        new ListView<ColorSetting | undefined>({
          header: titleBar("Colour"),
          items: (["auto", "always", "never"] as const).map((x) => ({ label: x, value: x })),
          initial: s.color ?? "auto",
          numbered: true,
          back: { value: undefined, label: "Back" },
        }),
      );
      if (!color) continue;
      await sc.saveSettings((s) => void (s.color = color));
      sc.term.setColor(decideColor(sc.options.color, color, sc.term.env, sc.term.stdoutTty));
      if (sc.term.color) await enableHighlighting();
    }
  }
}
