// The module picker: every module with where the learner is in it; Enter opens the lesson or the
// quiz, and the list comes back when that is done.
import type { Module } from "../content/model.js";
import { resumable } from "../learn/attempt.js";
import { moduleStatus } from "../learn/status.js";
import { pad2 } from "../render/text.js";
import { backLabel, titleBar } from "./common.js";
import type { Route, ScreenContext } from "./nav.js";
import { ListView, type Item } from "./ui/list.js";

export async function modulesScreen(sc: ScreenContext, route: Extract<Route, { to: "modules" }>): Promise<void> {
  let last: Module | undefined;
  for (;;) {
    const p = sc.progress();
    const items: Item<Module | null>[] = sc.course.modules.map((m) => {
      const s = moduleStatus(m, p);
      const stopped = resumable(m, p);
      const lesson = s.read ? "read" : s.started ? `section ${s.sectionIndex + 1} of ${m.sections.length}` : "";
      const quiz = stopped ? `quiz stopped at question ${stopped.next} of ${stopped.total}` : s.passed ? "quiz passed" : s.answered ? `quiz ${s.correct}/${m.quiz.length}` : "";
      const hint = (route.purpose === "quiz" ? [quiz || "quiz not taken", lesson && `lesson ${lesson}`] : [lesson, quiz]).filter(Boolean).join(" · ");
      return { label: `${pad2(m.number)}  ${m.title}`, hint, value: m, description: m.summary, mark: s.read ? "✓" : s.started ? "…" : "·" };
    });
    const title = route.purpose === "quiz" ? "Quiz on which module?" : "Which module?";
    const picked = await sc.ui.show(
      new ListView<Module | null>({ header: titleBar(title), items, initial: last, back: { value: null, label: backLabel(sc) } }),
    );
    if (!picked) return;
    last = picked;
    await sc.nav.open(route.purpose === "quiz" ? { to: "quiz", module: picked, mode: route.mode } : { to: "lesson", module: picked });
  }
}
