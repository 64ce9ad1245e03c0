// Search on the full screen: type words, pick a hit, read it with the words marked, come back to
// the results. A quiz hit asks its question first, so its answer is never shown before.
import chalk from "chalk";
import { highlightSnippet, hitQuestion, where } from "../render/search.js";
import { openIndex } from "../search/cache.js";
import { search, type Hit } from "../search/engine.js";
import { backLabel, titleBar } from "./common.js";
import type { Route, ScreenContext } from "./nav.js";
import { InputView } from "./ui/input.js";
import { ListView, type Entry } from "./ui/list.js";

const MAX_QUERY = 200;

export async function searchScreen(sc: ScreenContext, route: Extract<Route, { to: "search" }>): Promise<void> {
  const index = openIndex(sc.source);
  let words = route.query ?? "";
  let note: string | undefined = "Words, a phrase or a question; typos and word starts are fine.";
  let last: Hit | undefined;
  for (;;) {
    if (!words.trim()) {
      const typed = await sc.ui.show(new InputView({ header: titleBar("Search the course"), question: "Search the course for:", note, action: "search", maxLength: MAX_QUERY }));
      if (typed === undefined || !typed.trim()) return;
      words = typed.trim();
    }
    const hits = search(index, sc.course, words, 20);
    if (!hits.length) {
      note = `Nothing in the course matches "${words}". Try other words.`;
      words = "";
      continue;
    }
    type Pick = Hit | "again" | "back";
    const items: Entry<Pick>[] = hits.map((h) => ({ label: where(sc.course, h), hint: `[${h.kind}]`, value: h, description: highlightSnippet(h.snippet, sc.term.color) }));
    const picked = await sc.ui.show(
      new ListView<Pick>({
        header: titleBar(`Search · ${hits.length} result${hits.length === 1 ? "" : "s"} for "${words}"`),
        items: [...items, { separator: true }, { label: "Search again", value: "again", key: "/" }, { label: backLabel(sc), value: "back" }],
        initial: last,
        back: { value: "back", label: backLabel(sc) },
        bar: [{ keys: "/", label: "new search", priority: 2 }],
      }),
    );
    if (picked === "back") return;
    if (picked === "again") {
      note = undefined;
      words = "";
      last = undefined;
      continue;
    }
    last = picked;
    await openHit(sc, picked);
  }
}

async function openHit(sc: ScreenContext, h: Hit): Promise<void> {
  const m = h.module ? sc.course.modules.find((x) => x.id === h.module) : undefined;
  if (h.kind === "lesson" && m) {
    const section = Math.max(0, m.sections.findIndex((s) => s.id === h.section));
    return sc.nav.open({ to: "lesson", module: m, section, highlight: h.terms });
  }
  if (h.kind === "faq") {
    const entry = sc.course.faq.find((f) => `faq:${f.id}` === h.ref);
    if (entry) return sc.nav.open({ to: "faq-entry", entry, highlight: h.terms });
  }
  if (h.kind === "quiz") {
    const q = hitQuestion(sc.course, h);
    if (q) return sc.nav.open({ to: "question", question: q.question });
  }
  if (h.kind === "roadmap") return sc.nav.open({ to: "roadmap", stage: h.ref.replace(/^stage:/, "") });
  await sc.nav.open({ to: "text", title: "Search", text: chalk.dim("This result is no longer in the course.") });
}
