// Glossary entries as text.
import chalk from "chalk";
import type { Course, GlossaryTerm } from "../content/model.js";
import { linkDescriber, type Look } from "./lesson.js";
import { hangingIndent, wrap } from "./text.js";

/** What a course link points at, in words: "Caching basics › Fresh and stale". */
export function linkTitle(course: Course, href: string): string {
  const m = /^(module|faq|stage|ref):([^#]*)(?:#(.*))?$/.exec(href);
  if (!m) return href;
  const [, kind, id, anchor] = m;
  if (kind === "faq") return course.faq.find((f) => f.id === id)?.question ?? id!;
  if (kind === "ref") {
    const ref = course.references.find((r) => r.id === id);
    const section = anchor ? ref?.sections.find((s) => s.id === anchor) : undefined;
    return ref ? (section ? `${ref.title} › ${section.title}` : ref.title) : id!;
  }
  if (kind === "stage") return `Roadmap stage: ${course.stages.find((s) => s.id === id)?.title ?? id}`;
  const mod = course.modules.find((x) => x.id === id);
  if (!mod) return course.planned.find((p) => p.id === id)?.title ?? id!;
  const section = anchor ? mod.sections.find((s) => s.id === anchor) : undefined;
  return section ? `${mod.title} › ${section.title}` : mod.title;
}

export function renderTerm(course: Course, t: GlossaryTerm, look: Look): string {
  const describe = linkDescriber(course);
  const out = [chalk.bold.cyan(t.term)];
  if (t.aliases.length) out.push(chalk.dim(`also: ${t.aliases.join(", ")}`));
  out.push("", wrap(t.short, look.width), "", "Taught in:");
  for (const href of t.links) out.push(hangingIndent(`${linkTitle(course, href)} (${describe(href)})`, "  • ", look.width));
  return out.join("\n");
}

/** Every term, one a line: its id (what `explain` takes) and its name. */
export function renderGlossary(glossary: GlossaryTerm[], look: Look): string {
  const idWidth = Math.min(28, Math.max(...glossary.map((t) => t.id.length)) + 1);
  return glossary.map((t) => hangingIndent(t.term, `${t.id.padEnd(idWidth)} `, look.width)).join("\n");
}
