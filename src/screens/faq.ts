// The FAQ browser: pick a question, read its answer (links can be followed), come back.
import { links, lex } from "../content/markdown.js";
import type { FaqEntry } from "../content/model.js";
import { faqLines } from "../render/lesson.js";
import { backLabel, followables, showDocument, termsMentioned, titleBar } from "./common.js";
import type { Route, ScreenContext } from "./nav.js";
import { ListView } from "./ui/list.js";

export async function faqScreen(sc: ScreenContext, route: Extract<Route, { to: "faq" }>): Promise<void> {
  const entries = route.entries ?? sc.course.faq;
  let last: FaqEntry | undefined;
  for (;;) {
    const picked = await sc.ui.show(
      new ListView<FaqEntry | null>({
        header: titleBar(`FAQ · ${entries.length} question${entries.length === 1 ? "" : "s"}: pick one to read`),
        items: entries.map((e) => ({ label: e.question, value: e })),
        initial: last,
        back: { value: null, label: backLabel(sc) },
      }),
    );
    if (!picked) return;
    last = picked;
    await sc.nav.open({ to: "faq-entry", entry: picked });
  }
}

export async function faqEntryScreen(sc: ScreenContext, route: Extract<Route, { to: "faq-entry" }>): Promise<void> {
  const f = route.entry;
  const stack = sc.settings().stack ?? "typescript";
  const hrefs = links(lex(f.markdown, f.bodyLine).tokens);
  const terms = route.highlight?.filter((w) => w.length >= 2).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) ?? [];
  await showDocument(sc, {
    title: `FAQ · ${f.question}`,
    layout: (width) => faqLines(sc.course, f, { width, color: sc.term.color }, stack),
    links: [...followables(sc.course, hrefs), ...termsMentioned(sc.course.glossary, f.markdown)],
    highlight: terms.length ? new RegExp(`\\b(?:${terms.join("|")})[\\w-]*`, "gi") : undefined,
  });
}
