// Pieces several screens share: the back item, notices, documents with links, the help page.
import chalk from "chalk";
import type { Course, GlossaryTerm } from "../content/model.js";
import { linkTitle } from "../render/glossary.js";
import type { Line } from "../render/markdown.js";
import { textLines } from "../render/lesson.js";
import { hangingIndent, wrap } from "../render/text.js";
import type { ScreenContext } from "./nav.js";
import { DocView, headerLine, type BarItem } from "./ui/doc.js";
import { ListView, type Entry } from "./ui/list.js";

/** The one word for leaving a screen: Back, or Quit when nothing is behind it. */
export function backLabel(sc: ScreenContext): string {
  return sc.nav.backWord === "quit" ? "Quit" : "Back";
}

/** A dim header line for list screens. */
export function titleBar(text: string): (cols: number) => string {
  return (cols) => chalk.dim(wrap(text, cols).split("\n")[0]!);
}

/** A message with one way on: Back (or Quit). */
export async function notice(sc: ScreenContext, title: string, lines: string[]): Promise<void> {
  const back = backLabel(sc);
  await sc.ui.show(new ListView<null>({ header: titleBar(title), intro: lines, items: [{ label: back, value: null }], back: { value: null, label: back } }));
}

export interface Followable {
  href: string;
  label: string;
}

/** Glossary terms a text mentions by name or alias, as links to their entries. */
export function termsMentioned(glossary: GlossaryTerm[], text: string): Followable[] {
  const plain = text.toLowerCase();
  const out: Followable[] = [];
  for (const t of glossary) {
    const names = [t.term, ...t.aliases].filter((n) => n.length >= 3);
    const found = names.some((n) => new RegExp(`(^|[^a-z0-9])${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^a-z0-9]|$)`).test(plain));
    if (found) out.push({ href: `term:${t.id}`, label: `Glossary: ${t.term}` });
  }
  return out;
}

/** The links of a text, named for a list. */
export function followables(course: Course, hrefs: string[]): Followable[] {
  const seen = new Set<string>();
  const out: Followable[] = [];
  for (const href of hrefs) {
    if (seen.has(href)) continue;
    seen.add(href);
    if (/^(module|faq|stage|ref):/.test(href)) {
      const kind = href.startsWith("faq:") ? "FAQ" : href.startsWith("stage:") ? "Roadmap" : href.startsWith("ref:") ? "Reference" : "Lesson";
      out.push({ href, label: `${kind}: ${linkTitle(course, href)}` });
    } else out.push({ href, label: href });
  }
  return out;
}

/** Can this link be opened here (course links and glossary terms; a web address cannot). */
function openable(course: Course, href: string): true | string {
  if (/^(term|faq|stage|ref):/.test(href)) return true;
  const m = /^module:([^#]*)/.exec(href);
  if (m) return course.modules.some((x) => x.id === m[1]) ? true : "coming soon";
  return "open it in a browser";
}

/** Lets the learner pick a link and follow it; back returns here. */
export async function followLinks(sc: ScreenContext, links: Followable[]): Promise<void> {
  for (;;) {
    const items: Entry<string | null>[] = links.map((l) => {
      const ok = openable(sc.course, l.href);
      return { label: l.label, value: l.href, disabled: ok === true ? false : ok };
    });
    const href = await sc.ui.show(
      new ListView<string | null>({ header: titleBar("Links and terms in this text"), items: [...items, { separator: true }, { label: "Back", value: null }], numbered: true, back: { value: null, label: "Back" } }),
    );
    if (href === null) return;
    await sc.nav.open({ to: "link", href });
  }
}

export interface DocumentOptions {
  title: string;
  layout(width: number): Line[];
  links?: Followable[];
  highlight?: RegExp;
}

/** A document on the full screen (an FAQ answer, a glossary entry, the roadmap), until q. */
export async function showDocument(sc: ScreenContext, o: DocumentOptions): Promise<void> {
  type Action = "back" | "links" | "help";
  const back = backLabel(sc).toLowerCase();
  const links = o.links ?? [];
  const view = new DocView<Action>({
    layout: (width) => o.layout(width),
    header: (cols, state) => headerLine(o.title, state, cols),
    bar: () => [
      { keys: "space", label: "down", priority: 3 },
      { keys: "b", label: "up", priority: 2 },
      ...(links.length ? [{ keys: "o", label: "links", priority: 2 }] : []),
      { keys: "q", label: back, priority: 5 },
      { keys: "?", label: "help", priority: 4 },
    ],
    back: "back",
    keys: (k) => (k.ch === "o" && links.length ? "links" : k.ch === "?" ? "help" : undefined),
    highlight: o.highlight,
  });
  for (;;) {
    const action = await sc.ui.show(view);
    if (action === "back") return;
    if (action === "links") await followLinks(sc, links);
    else await showHelp(sc, DOCUMENT_KEYS);
  }
}

export type KeyHelp = [keys: string, what: string][];

export const DOCUMENT_KEYS: KeyHelp = [
  ["space, enter, n, PgDn", "the next screen of text"],
  ["b, p, PgUp", "the screen before"],
  ["↓ ↑", "one line down or up"],
  ["g, G (Home, End)", "the top, the end"],
  ["o", "links and glossary terms in the text: follow one, then come back"],
  ["q, Esc", "back"],
];

/** The keys of a screen, as a page of its own. */
export async function showHelp(sc: ScreenContext, keys: KeyHelp, extra: string[] = []): Promise<void> {
  const keyWidth = Math.max(...keys.map(([k]) => k.length)) + 2;
  const text = (width: number) =>
    [chalk.bold("Keys"), "", ...keys.map(([k, w]) => hangingIndent(w, `  ${k.padEnd(keyWidth)}`, width)), ...extra.flatMap((e) => ["", wrap(e, width)])].join("\n");
  await sc.ui.show(
    new DocView<null>({
      layout: (width) => textLines(text(width)),
      header: (cols, state) => headerLine("Help", state, cols),
      bar: () => [{ keys: "q", label: "back" } satisfies BarItem],
      back: null,
      forward: null,
      keys: (k) => (k.ch === "?" ? null : undefined),
    }),
  );
}
