// The home menu and the first-run welcome. The menu is a list of entries, each opening a route:
// adding one (Labs, say) is one line in HOME_ENTRIES.
import chalk from "chalk";
import { STACKS, STACK_LABELS, type Reference, type Stack } from "../content/model.js";
import { referenceAsModule } from "../learn/resolve.js";
import { resumable } from "../learn/attempt.js";
import { bar, continuePoint, overall, stageStatuses, type Overall } from "../learn/status.js";
import { pad2, wrap } from "../render/text.js";
import type { ProgressState as Progress } from "../store/schema.js";
import type { Route, ScreenContext } from "./nav.js";
import { ListView, type Entry } from "./ui/list.js";

interface HomeState {
  p: Progress;
  references: Reference[];
  labs: number;
  o: Overall;
  next: ReturnType<typeof continuePoint>;
  stopped?: { next: number; total: number };
}

export interface HomeEntry {
  id: string;
  label(h: HomeState): string;
  /** Where it goes: a route, or a function for screens outside the navigator. */
  go(h: HomeState): Route | ((sc: ScreenContext) => Promise<unknown>) | undefined;
  description?: string;
  /** Left out of the menu (a course with no reference pages has no Reference entry). */
  hidden?(h: HomeState): boolean;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export const HOME_ENTRIES: HomeEntry[] = [
  {
    id: "continue",
    label: ({ next, stopped }) =>
      !next
        ? "Continue: you have finished every module"
        : next.kind === "quiz"
          ? `Continue: quiz on ${pad2(next.module.number)} ${next.module.title}${stopped ? ` (question ${stopped.next} of ${stopped.total})` : ""}`
          : `Continue: read ${pad2(next.module.number)} ${next.module.title} (section ${next.section + 1} of ${next.module.sections.length})`,
    go: ({ next }) => (!next ? undefined : next.kind === "quiz" ? { to: "quiz", module: next.module } : { to: "lesson", module: next.module, section: next.section }),
  },
  { id: "learn", label: () => "Learn: pick a module", go: () => ({ to: "modules", purpose: "learn" }) },
  { id: "quiz", label: () => "Quiz: test yourself on a module", go: () => ({ to: "modules", purpose: "quiz" }) },
  { id: "review", label: ({ o }) => `Review: ${plural(o.due, "card")} due`, go: () => ({ to: "review" }) },
  { id: "roadmap", label: () => "Roadmap: the stages and what to do next", go: () => ({ to: "roadmap" }) },
  { id: "faq", label: () => "FAQ: common questions", go: () => ({ to: "faq" }) },
  { id: "search", label: () => "Search the course", go: () => ({ to: "search" }) },
  { id: "labs", label: () => "Labs: build Encore, and let the tutor check your running server", go: () => ({ to: "labs" }), hidden: ({ labs }) => !labs },
  { id: "glossary", label: () => "Glossary: terms and where they are taught", go: () => ({ to: "glossary" }) },
  {
    id: "reference",
    label: ({ references }) => (references[0] ? `Reference: ${references[0].title}` : "Reference pages"),
    go: ({ references }) => (references[0] ? { to: "lesson", module: referenceAsModule(references[0]), reference: true } : undefined),
    hidden: ({ references }) => !references.length,
  },
  { id: "progress", label: () => "Progress: answers, streak, time per module", go: () => ({ to: "progress" }) },
  { id: "settings", label: () => "Settings: stack and colour", go: () => ({ to: "settings" }) },
];

function state(sc: ScreenContext): HomeState {
  const p = sc.progress();
  const o = overall(sc.course, p);
  // A quiz stopped part way is where the learner continues, if it was the last thing they did.
  const last = p.last && sc.course.modules.find((m) => m.id === p.last!.module);
  const stoppedLast = last && p.last!.kind === "quiz" ? resumable(last, p) : undefined;
  const next = stoppedLast && last ? { module: last, section: 0, kind: "quiz" as const } : continuePoint(sc.course, p);
  const stopped = next?.kind === "quiz" ? resumable(next.module, p) : undefined;
  return { p, o, next, stopped, references: sc.course.references, labs: sc.course.labs.length };
}

function header(sc: ScreenContext, h: HomeState, width: number): string[] {
  const stage = stageStatuses(sc.course, h.p).find((s) => s.state === "current");
  const { o } = h;
  return [
    chalk.bold.magenta(`${sc.course.title} — ${STACK_LABELS[sc.settings().stack ?? "typescript"]}`),
    ...wrap(`${chalk.green(bar(o.percent / 100, 20))} ${o.percent}% · ${o.read}/${o.modules} modules read · ${o.passed}/${o.modules} quizzes passed · ${plural(o.due, "card")} due`, width).split("\n"),
    ...(stage ? [`Current stage: ${stage.stage.number} · ${stage.stage.title}`] : []),
  ];
}

export async function homeScreen(sc: ScreenContext): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const h = state(sc);
    const items: Entry<string>[] = HOME_ENTRIES.filter((e) => !e.hidden?.(h)).map((e) => ({ label: e.label(h), value: e.id, disabled: e.go(h) === undefined, description: e.description }));
    items.push({ separator: true }, { label: "Quit", value: "quit", key: "q" });
    const picked = await sc.ui.show(new ListView<string>({ intro: (w) => header(sc, h, w), items, initial: last ?? (h.next ? "continue" : "learn"), back: { value: "quit", label: "Quit" } }));
    if (picked === "quit") return;
    last = picked;
    const go = HOME_ENTRIES.find((e) => e.id === picked)?.go(h);
    if (typeof go === "function") await go(sc);
    else if (go) await sc.nav.open(go);
  }
}

/** The first run: what this is, how long, how to move around, where progress lives; then the stack. */
export async function welcomeScreen(sc: ScreenContext): Promise<void> {
  const c = sc.course;
  const minutes = c.modules.reduce((n, m) => n + m.minutes, 0);
  const questions = c.modules.reduce((n, m) => n + m.quiz.length, 0);
  const hours = Math.round(minutes / 60);
  const length = minutes < 90 ? `about ${minutes} minutes` : `about ${hours} hours`;
  const intro = [
    chalk.bold.magenta(`Welcome to ${c.title}`),
    "",
    "A tutor for backend API architecture that runs in your terminal. Every lesson builds on one running example, Encore, a ticketing platform for live shows, with code in four stacks.",
    "",
    `${plural(c.modules.length, "module")} (${length} of reading), ${questions} quiz questions, ${c.faq.length} FAQ answers, a glossary and a roadmap of ${c.stages.length} stages.`,
    "",
    "Moving around: ↑↓ and Enter pick, q or Esc goes back. In a lesson, space reads on, b goes back, j jumps to a section and ? lists every key.",
    "",
    `Your progress is saved as you go, in ${sc.store.path}.`,
    "",
    chalk.bold("Which stack should code examples use?") + chalk.dim(" (change it later in Settings)"),
  ];
  const stack = await sc.ui.show(
    new ListView<Stack | null>({ intro, items: STACKS.map((s) => ({ label: STACK_LABELS[s], value: s })), numbered: true, back: { value: null, label: "Quit" } }),
  );
  if (stack) await sc.saveSettings((s) => void (s.stack = stack));
}
