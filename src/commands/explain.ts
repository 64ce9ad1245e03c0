// `explain <term>`: a short glossary entry and where the term is taught.
import chalk from "chalk";
import type { GlobalOptions } from "../cli.js";
import { context } from "../context.js";
import type { Course, GlossaryTerm } from "../content/model.js";
import { EXIT } from "../errors.js";
import { suggest } from "../learn/resolve.js";
import { print, warn, type Terminal } from "../output.js";
import { linkDescriber } from "../render/lesson.js";
import { hangingIndent, wrap } from "../render/text.js";

/** Exact id, name or alias first; then a unique prefix. */
export function findTerm(glossary: GlossaryTerm[], input: string): GlossaryTerm | undefined {
  const key = input.trim().toLowerCase().replace(/\s+/g, " ");
  const names = (t: GlossaryTerm) => [t.id, t.term.toLowerCase(), ...t.aliases.map((a) => a.toLowerCase())];
  const exact = glossary.find((t) => names(t).includes(key) || names(t).includes(key.replace(/ /g, "-")));
  if (exact) return exact;
  const prefixed = glossary.filter((t) => names(t).some((n) => n.startsWith(key)));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

function linkTitle(course: Course, href: string): string {
  const m = /^(module|faq|stage):([^#]*)(?:#(.*))?$/.exec(href);
  if (!m) return href;
  const [, kind, id, anchor] = m;
  if (kind === "faq") return course.faq.find((f) => f.id === id)?.question ?? id!;
  if (kind === "stage") return `Roadmap stage: ${course.stages.find((s) => s.id === id)?.title ?? id}`;
  const mod = course.modules.find((x) => x.id === id);
  if (!mod) return course.planned.find((p) => p.id === id)?.title ?? id!;
  const section = anchor ? mod.sections.find((s) => s.id === anchor) : undefined;
  return section ? `${mod.title} › ${section.title}` : mod.title;
}

export function renderTerm(course: Course, t: GlossaryTerm, term: Terminal): string {
  const describe = linkDescriber(course);
  const out = [term.color ? chalk.bold.cyan(t.term) : t.term];
  if (t.aliases.length) out.push(term.color ? chalk.dim(`also: ${t.aliases.join(", ")}`) : `also: ${t.aliases.join(", ")}`);
  out.push("", wrap(t.short, term.width), "", "Taught in:");
  for (const href of t.links) out.push(hangingIndent(`${linkTitle(course, href)} (${describe(href)})`, "  • ", term.width));
  return out.join("\n");
}

export async function explain(words: string[], opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const glossary = ctx.course.glossary;
  const query = words.join(" ").trim();
  if (!query) {
    if (opts.json) print(JSON.stringify(glossary.map(({ id, term, aliases }) => ({ id, term, aliases })), null, 2));
    else print(glossary.map((t) => `${t.id.padEnd(28)} ${t.term}`).join("\n"));
    return EXIT.ok;
  }
  const found = findTerm(glossary, query);
  if (!found) {
    const names = glossary.flatMap((t) => [t.id, ...t.aliases]);
    const near = suggest(query.replace(/\s+/g, "-"), names);
    const hint = near ? `; did you mean "${near}"?` : "; try `api-architect search " + query + "`";
    warn(`the glossary has no entry for "${query}"${hint}`);
    return EXIT.failure;
  }
  if (opts.json) print(JSON.stringify(found, null, 2));
  else print(renderTerm(ctx.course, found, ctx.term));
  return EXIT.ok;
}
