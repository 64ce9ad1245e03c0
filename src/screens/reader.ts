// The lesson reader: one section at a time on the full screen, paged by screen rows like less.
// Space, Enter and n always move forward (to the next page, the next section, then the end of
// the module, where the default is the quiz); b and p move back. The header never scrolls off.
import chalk from "chalk";
import { links } from "../content/markdown.js";
import { STACKS, STACK_LABELS, type Module } from "../content/model.js";
import { recordPosition, recordSeen, recordTime, seenSections } from "../learn/record.js";
import { resumeSection } from "../learn/status.js";
import type { StackChoice } from "../render/markdown.js";
import { sectionLines, sectionTokens } from "../render/lesson.js";
import { pad2 } from "../render/text.js";
import { backLabel, followables, followLinks, showHelp, termsMentioned, titleBar, type KeyHelp } from "./common.js";
import type { Route, ScreenContext } from "./nav.js";
import { DocView, headerLine } from "./ui/doc.js";
import { ListView, type Entry } from "./ui/list.js";

type Action = "next" | "prev" | "back" | "jump" | "search" | "stack" | "links" | "help";

const READER_KEYS: KeyHelp = [
  ["space, enter, n", "the next page; at the end of a section, the next section"],
  ["b, p", "the page before; at the top, the section before"],
  ["↓ ↑, PgDn PgUp", "a line, a page"],
  ["g, G", "the top or the end of the section"],
  ["j", "jump to a section (✓ marks the ones you have read)"],
  ["/", "search the course, then come back"],
  ["s", "show this section's code in another stack, or all four"],
  ["o", "follow a link or a glossary term in this section, then come back"],
  ["q, Esc", "leave the lesson (your place is saved)"],
];

// A fence in one of the four stacks, or one that names its stack: the section has code to switch.
const STACK_CODE = /^\s*```\s*(ts|typescript|python|py|php|csharp|cs|c#)\b|^\s*```.*\bstack=/m;

/** A pattern for the words a search matched, to mark them in the text. */
function highlightPattern(words: string[] | undefined): RegExp | undefined {
  const terms = (words ?? []).filter((w) => w.length >= 2).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return terms.length ? new RegExp(`\\b(?:${terms.join("|")})[\\w-]*`, "gi") : undefined;
}

export async function readerScreen(sc: ScreenContext, route: Extract<Route, { to: "lesson" }>): Promise<void> {
  const m = route.module;
  const learnerStack: StackChoice = route.stack ?? sc.settings().stack ?? "typescript";
  let index = Math.max(0, Math.min(route.section ?? resumeSection(m, sc.progress()), m.sections.length - 1));
  let fromEnd = false;
  let highlight = highlightPattern(route.highlight);
  // A reference page ("Encore at a glance") is read the same way, but keeps no progress and has no quiz.
  const reference = Boolean(route.reference);
  const save = (change: Parameters<typeof sc.save>[0]) => (reference ? Promise.resolve() : sc.save(change));
  await save((p) => recordPosition(p, m, index, new Date()));
  for (;;) {
    const section = m.sections[index]!;
    let stack = learnerStack;
    const shownAt = Date.now();
    const hrefs = links(sectionTokens(m, section));
    const follow = [...followables(sc.course, hrefs), ...termsMentioned(sc.course.glossary, section.markdown.replace(/```[\s\S]*?```/g, ""))];
    const hasCode = STACK_CODE.test(section.markdown);
    const view: DocView<Action> = new DocView<Action>({
      layout: (width) => sectionLines(sc.course, { width, color: sc.term.color }, stack, m, section),
      // The module on the left (cut first when narrow); where in it on the right, always whole.
      header: (cols, state) =>
        headerLine(
          reference ? `Reference · ${m.title}` : `Module ${pad2(m.number)} · ${m.title}`,
          state,
          cols,
          [stack !== learnerStack ? (stack === "all" ? "all stacks" : STACK_LABELS[stack]) : "", `section ${index + 1} of ${m.sections.length}`].filter(Boolean).join(" · "),
        ),
      bar: (state) => [
        { keys: "space/n", label: state.atEnd ? (index + 1 < m.sections.length ? "next section" : reference ? "done" : "finish") : "next", priority: 6 },
        { keys: "b/p", label: "back", priority: 5 },
        { keys: "j", label: "jump", priority: 4 },
        { keys: "/", label: "search", priority: 3 },
        ...(hasCode ? [{ keys: "s", label: "stack", priority: 2 }] : []),
        ...(follow.length ? [{ keys: "o", label: "links", priority: 1 }] : []),
        { keys: "q", label: backLabel(sc).toLowerCase(), priority: 6 },
        { keys: "?", label: "help", priority: 5 },
      ],
      back: "back",
      forward: "next",
      backward: "prev",
      keys: (k) => (k.ch === "j" ? "jump" : k.ch === "/" ? "search" : k.ch === "s" ? "stack" : k.ch === "o" && follow.length ? "links" : k.ch === "?" ? "help" : undefined),
      highlight,
      fromEnd,
      // Shown to its end: this section counts towards the module being read.
      onEnd: () => void save((p) => recordSeen(p, m, section.id, new Date())),
    });
    highlight = undefined;
    let action: Action;
    for (;;) {
      action = await sc.ui.show(view);
      if (action === "help") await showHelp(sc, READER_KEYS);
      else if (action === "links") await followLinks(sc, follow);
      else if (action === "search") await sc.nav.open({ to: "search" });
      else if (action === "stack") {
        const chosen = await pickStack(sc, stack);
        if (chosen && chosen !== stack) {
          stack = chosen;
          view.relayout();
        }
      } else break;
    }
    let next = index;
    if (action === "next") next = index + 1;
    else if (action === "prev") next = Math.max(0, index - 1);
    else if (action === "jump") next = (await jump(sc, m, index, reference)) ?? index;
    const changed = next !== index && next < m.sections.length;
    await save((p) => {
      const now = new Date();
      recordTime(p, m.id, (Date.now() - shownAt) / 1000, now);
      if (changed) recordPosition(p, m, next, now);
    });
    if (action === "back") return;
    if (next >= m.sections.length) {
      if (reference) return;
      const end = await endOfModule(sc, m);
      if (end === "quiz") return sc.nav.open({ to: "quiz", module: m });
      if (end === "back") return;
      next = end;
      await save((p) => recordPosition(p, m, next, new Date()));
    }
    fromEnd = action === "prev" && next < index;
    index = next;
  }
}

async function pickStack(sc: ScreenContext, current: StackChoice): Promise<StackChoice | undefined> {
  const items = [...STACKS.map((s) => ({ label: STACK_LABELS[s], value: s as StackChoice })), { label: "All four, one after another", value: "all" as StackChoice }];
  return sc.ui.show(
    new ListView<StackChoice | undefined>({
      header: titleBar("Show this section's code in"),
      intro: [chalk.dim("For this section only; change your stack for good in Settings.")],
      items,
      initial: current,
      numbered: true,
      back: { value: undefined, label: "Back" },
    }),
  );
}

/** The sections, marked read (✓), here (▸) or not yet read. */
async function jump(sc: ScreenContext, m: Module, index: number, reference: boolean): Promise<number | undefined> {
  const seen = reference ? new Set<string>() : seenSections(sc.progress(), m);
  const items: Entry<number | undefined>[] = m.sections.map((s, i) => ({
    label: `${String(i + 1).padStart(2)}. ${s.title}`,
    value: i,
    mark: i === index ? "▸" : seen.has(s.id) ? "✓" : "·",
    hint: i === index ? "you are here" : undefined,
  }));
  return sc.ui.show(
    new ListView<number | undefined>({
      header: titleBar(reference ? `Reference · ${m.title} — jump to a section` : `Module ${pad2(m.number)} · ${m.title} — jump to a section (${seen.size} of ${m.sections.length} read)`),
      items,
      initial: index,
      back: { value: undefined, label: "Back" },
    }),
  );
}

/** The end of the module: the quiz is the default. Returns a section to go back to, or what to do. */
async function endOfModule(sc: ScreenContext, m: Module): Promise<"quiz" | "back" | number> {
  const seen = seenSections(sc.progress(), m);
  const unread = m.sections.map((s, i) => ({ s, i })).filter(({ s }) => !seen.has(s.id));
  const read = !unread.length || Boolean(sc.progress().lessons[m.id]?.completedAt);
  const intro = read
    ? [chalk.green(`✔ You reached the end of module ${pad2(m.number)}, ${m.title}. It is marked as read.`)]
    : [
        `You reached the end of module ${pad2(m.number)}, ${m.title}.`,
        `It counts as read once every section has been shown; ${unread.length === 1 ? "this one has" : `these ${unread.length} have`} not been yet:`,
      ];
  const items: Entry<"quiz" | "back" | number>[] = [{ label: "Take the quiz", value: "quiz", key: "t" }];
  if (!read) for (const { s, i } of unread.slice(0, 6)) items.push({ label: `Read ${i + 1}. ${s.title}`, value: i });
  items.push({ separator: true }, { label: backLabel(sc), value: "back" });
  return sc.ui.show(new ListView({ header: titleBar(`Module ${pad2(m.number)} · ${m.title} — the end`), intro, items, initial: "quiz", back: { value: "back", label: backLabel(sc) } }));
}
