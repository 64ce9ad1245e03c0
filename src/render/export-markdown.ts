// The course as one GitHub-flavoured Markdown document: lessons with code in the chosen stack(s),
// tables as they are written, links between parts of the course turned into anchors (or, when
// the target is not in the document, into the command that opens it), and optionally each
// module's quiz with its answers after it. Pure: course in, text out. No terminal styling.
import type { Token, Tokens } from "marked";
import { codeGroups, lex, parseInfo } from "../content/markdown.js";
import { STACK_LABELS, type Course, type FaqEntry, type Module, type Question, type Reference, type Stage, type Stack } from "../content/model.js";

export type ExportTarget = { kind: "module"; module: Module } | { kind: "faq" } | { kind: "roadmap" } | { kind: "all" };

export interface ExportOptions {
  stack: Stack | "all";
  quiz: boolean;
}

/** The anchor of a part of the course inside the document (explicit, so renames keep links working). */
const anchor = {
  module: (id: string) => `module-${id}`,
  section: (module: string, section: string) => `${module}--${section}`,
  faq: (id: string) => `faq-${id}`,
  stage: (id: string) => `stage-${id}`,
  ref: (id: string) => `ref-${id}`,
};

const anchorTag = (id: string) => `<a id="${id}"></a>`;

interface Included {
  modules: Set<string>;
  faq: boolean;
  roadmap: boolean;
  references: boolean;
}

function linkTarget(course: Course, inc: Included, href: string): string | undefined {
  const m = /^(module|faq|stage|ref):([^#]*)(?:#(.*))?$/.exec(href);
  if (!m) return undefined;
  const [, kind, id, section] = m as unknown as [string, string, string, string | undefined];
  if (kind === "module") {
    const mod = course.modules.find((x) => x.id === id);
    if (mod && inc.modules.has(id)) return `#${section ? anchor.section(id, section) : anchor.module(id)}`;
    if (!mod) return "coming soon";
    return section ? `api-architect learn ${mod.number} --section ${section}` : `api-architect learn ${mod.number}`;
  }
  if (kind === "faq") return inc.faq ? `#${anchor.faq(id)}` : `api-architect faq ${id}`;
  if (kind === "stage") return inc.roadmap ? `#${anchor.stage(id)}` : "api-architect roadmap";
  return inc.references ? `#${section ? anchor.section(`ref-${id}`, section) : anchor.ref(id)}` : `api-architect learn ${id}${section ? ` --section ${section}` : ""}`;
}

/** Rewrites course links in one block of markdown (never inside code). */
function rewriteLinks(raw: string, course: Course, inc: Included): string {
  // Link text may wrap onto the next line; it never holds a closing bracket.
  return raw.replace(/\[([^\]]*)\]\(((?:module|faq|stage|ref):[^)\s]*)\)/g, (whole, text: string, href: string) => {
    const target = linkTarget(course, inc, href);
    if (!target) return whole;
    return target.startsWith("#") ? `[${text}](${target})` : `${text} (\`${target}\`)`;
  });
}

function codeBlock(token: Tokens.Code, showLabel: boolean): string {
  const info = parseInfo(token.lang);
  const lang = info.lang === "csharp" ? "csharp" : info.lang || "text";
  const caption = [showLabel && info.stack ? `**${STACK_LABELS[info.stack]}**` : "", info.title ? `\`${info.title}\`` : ""].filter(Boolean).join(" · ");
  const longest = Math.max(2, ...[...token.text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${caption ? `${caption}\n\n` : ""}${fence}${lang}\n${token.text}\n${fence}\n\n`;
}

/** Markdown of a token list with example groups cut to the stack and links rewritten. */
function blocks(tokens: Token[], course: Course, inc: Included, o: ExportOptions): string {
  const drop = new Set<number>();
  if (o.stack !== "all") for (const g of codeGroups(tokens, [], [], false)) for (const b of g.blocks) if (b.stack !== o.stack) drop.add(b.index);
  let out = "";
  tokens.forEach((t, i) => {
    if (drop.has(i)) return;
    if (t.type === "code") out += codeBlock(t as Tokens.Code, o.stack === "all");
    else if (t.type === "space") out += "\n";
    else out += rewriteLinks(t.raw.endsWith("\n") ? t.raw : `${t.raw}\n`, course, inc);
  });
  return out.replace(/\n{3,}/g, "\n\n");
}

function sectionMarkdown(moduleAnchor: string, s: { id: string; markdown: string; line: number }, course: Course, inc: Included, o: ExportOptions): string {
  const { tokens } = lex(s.markdown, s.line);
  // The heading (its {#id} marker already stripped by lex) gets an explicit anchor above it.
  return `${anchorTag(anchor.section(moduleAnchor, s.id))}\n\n${blocks(tokens, course, inc, o).trim()}\n`;
}

/** A stable order for a question's options that does not put the right one first. */
function optionOrder(q: Question): number[] {
  const score = (i: number) => {
    let h = 2166136261;
    for (const c of `${q.id}:${i}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
    return h >>> 0;
  };
  return q.options.map((_, i) => i).sort((a, b) => score(a) - score(b));
}

const LETTERS = "ABCDEFGH";

function quizMarkdown(m: Module, course: Course, inc: Included, o: ExportOptions): string {
  const md = (text: string) => blocks(lex(text, 1).tokens, course, inc, o).trim();
  const questions = m.quiz.map((q, n) => {
    const order = optionOrder(q);
    const opts = order.map((i, k) => `- **${LETTERS[k]}.** ${q.options[i]!.text.replace(/\n+/g, " ")}`).join("\n");
    return `**${n + 1}.** ${md(q.prompt)}\n\n${q.code ? `${md(q.code)}\n\n` : ""}${opts}\n`;
  });
  const answers = m.quiz.map((q, n) => {
    const order = optionOrder(q);
    const right = order.findIndex((i) => q.options[i]!.correct);
    const others = order
      .map((i, k) => ({ o: q.options[i]!, k }))
      .filter(({ o }) => !o.correct)
      .map(({ o, k }) => `  - ${LETTERS[k]}: ${md(o.explain).replace(/\n+/g, " ")}`)
      .join("\n");
    return `**${n + 1}.** ${LETTERS[right]}. ${md(q.options[order[right]!]!.explain).replace(/\n+/g, " ")}\n${others}\n`;
  });
  return `${anchorTag(`${anchor.module(m.id)}-quiz`)}\n\n## Quiz\n\n${questions.join("\n")}\n${anchorTag(`${anchor.module(m.id)}-answers`)}\n\n## Answers\n\n${answers.join("\n")}`;
}

function moduleMarkdown(m: Module, course: Course, inc: Included, o: ExportOptions): string {
  const head = [
    anchorTag(anchor.module(m.id)),
    "",
    `# Module ${String(m.number).padStart(2, "0")} · ${m.title}`,
    "",
    m.summary,
    "",
    "You will be able to:",
    "",
    ...m.objectives.map((x) => `- ${x}`),
    "",
    `*About ${m.minutes} minutes · ${m.sections.length} sections · ${m.quiz.length} quiz questions${o.stack === "all" ? "" : ` · code in ${STACK_LABELS[o.stack]}`}*`,
    "",
  ].join("\n");
  const sections = m.sections.map((s) => sectionMarkdown(m.id, s, course, inc, o)).join("\n");
  return `${head}\n${sections}${o.quiz && m.quiz.length ? `\n${quizMarkdown(m, course, inc, o)}` : ""}`;
}

function referenceMarkdown(r: Reference, course: Course, inc: Included, o: ExportOptions): string {
  const sections = r.sections.map((s) => sectionMarkdown(`ref-${r.id}`, s, course, inc, o)).join("\n");
  return `${anchorTag(anchor.ref(r.id))}\n\n# Reference · ${r.title}\n\n${r.summary}\n\n${sections}`;
}

function faqMarkdown(entries: FaqEntry[], course: Course, inc: Included, o: ExportOptions): string {
  const body = entries.map((f) => `${anchorTag(anchor.faq(f.id))}\n\n## ${f.question}\n\n${blocks(lex(f.markdown, f.bodyLine).tokens, course, inc, o).trim()}\n`);
  return `# Frequently asked questions\n\n${body.join("\n")}`;
}

function stageMarkdown(s: Stage, course: Course, inc: Included, o: ExportOptions): string {
  const out = [anchorTag(anchor.stage(s.id)), "", `## Stage ${s.number} · ${s.title} (${s.duration})`, "", s.summary, "", `**Skills:** ${s.skills.join(", ")}`, "", `**Project:** ${s.project}`, ""];
  const notes = o.stack === "all" ? Object.entries(s.stacks) : s.stacks[o.stack] ? [[o.stack, s.stacks[o.stack]]] : [];
  for (const [stack, note] of notes) out.push(`- *${STACK_LABELS[stack as Stack]}:* ${note}`);
  if (notes.length) out.push("");
  const modules = course.modules.filter((m) => m.stage === s.id);
  const planned = course.planned.filter((p) => p.stage === s.id);
  if (modules.length || planned.length) {
    out.push("**Modules:**", "");
    for (const m of modules) out.push(`- ${rewriteLinks(`[Module ${String(m.number).padStart(2, "0")} · ${m.title}](module:${m.id})`, course, inc)}`);
    for (const p of planned) out.push(`- ${p.title} (coming soon)`);
    out.push("");
  }
  if (s.labs.length) out.push(`**Labs:** ${s.labs.map((l) => `\`${l}\``).join(", ")}`, "");
  if (s.reading.length) {
    out.push("**Further reading:**", "");
    for (const r of s.reading) out.push(`- ${r.url ? `[${r.title}](${r.url})` : r.title}${r.by ? `, ${r.by}` : ""}${r.note ? ` (${r.note})` : ""}`);
    out.push("");
  }
  return out.join("\n");
}

function roadmapMarkdown(course: Course, inc: Included, o: ExportOptions): string {
  const parts = ["# Roadmap", "", ...course.stages.map((s) => stageMarkdown(s, course, inc, o))];
  if (course.closing) parts.push(`## ${course.closing.title}`, "", ...course.closing.points.map((p) => `- ${p}`), "");
  return parts.join("\n");
}

export function exportMarkdown(course: Course, target: ExportTarget, o: ExportOptions): string {
  const all = target.kind === "all";
  const inc: Included = {
    modules: new Set(all ? course.modules.map((m) => m.id) : target.kind === "module" ? [target.module.id] : []),
    faq: all || target.kind === "faq",
    roadmap: all || target.kind === "roadmap",
    references: all,
  };
  const parts: string[] = [];
  if (all) parts.push(`# ${course.title}\n\n${course.modules.map((m) => `- [Module ${String(m.number).padStart(2, "0")} · ${m.title}](#${anchor.module(m.id)})`).join("\n")}\n`);
  if (target.kind === "module") parts.push(moduleMarkdown(target.module, course, inc, o));
  if (all) for (const m of course.modules) parts.push(moduleMarkdown(m, course, inc, o));
  if (all) for (const r of course.references) parts.push(referenceMarkdown(r, course, inc, o));
  if (inc.faq && course.faq.length) parts.push(faqMarkdown(course.faq, course, inc, o));
  if (inc.roadmap && course.stages.length) parts.push(roadmapMarkdown(course, inc, o));
  return `${parts.map((p) => p.trim()).join("\n\n---\n\n")}\n`;
}
