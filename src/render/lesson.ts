// Lessons, FAQ answers and quiz text as terminal strings and lines.
import chalk from "chalk";
import { readFileSync } from "node:fs";
import type { Token } from "marked";
import type { Course, FaqEntry, Module, Reference, Section } from "../content/model.js";
import { markdownLayout, markdownRenderer, renderMarkdownText, type Line, type RenderOptions, type StackChoice } from "./markdown.js";
import { lex } from "../content/markdown.js";
import { hangingIndent, pad2, wrap } from "./text.js";

export { pad2 };

/** How text is drawn: its width and whether it has colour. A Terminal is one; screens make their own per width. */
export interface Look {
  readonly width: number;
  readonly color: boolean;
}

/** How a course link reads in the terminal: the command that opens it. */
export function linkDescriber(course: Course): (href: string) => string | undefined {
  return (href) => {
    const m = /^(module|faq|stage|ref):([^#]*)(?:#(.*))?$/.exec(href);
    if (!m) return undefined;
    const [, kind, id, anchor] = m;
    if (kind === "faq") return `faq ${id}`;
    if (kind === "ref") return anchor ? `learn ${id} --section ${anchor}` : `learn ${id}`;
    if (kind === "stage") return "roadmap";
    const mod = course.modules.find((x) => x.id === id);
    if (!mod) return "coming soon";
    const section = anchor && mod.sections.find((s) => s.id === anchor);
    return section ? `learn ${mod.number} --section ${section.id}` : `learn ${mod.number}`;
  };
}

export function renderOptions(course: Course, t: Look, stack: StackChoice): RenderOptions {
  return { width: t.width, color: t.color, stack, describeLink: linkDescriber(course) };
}

const lexedByFile = new Map<string, Record<string, Token[]>>();

/** A section's tokens: pre-lexed by the build when the course is compiled, else lexed now. */
export function sectionTokens(m: { lexed?: string }, s: Section): Token[] {
  if (m.lexed) {
    let all = lexedByFile.get(m.lexed);
    if (!all) {
      try {
        all = JSON.parse(readFileSync(m.lexed, "utf8")) as Record<string, Token[]>;
      } catch {
        all = {};
      }
      lexedByFile.set(m.lexed, all);
    }
    const tokens = all[s.id];
    if (tokens) return tokens;
  }
  return lex(s.markdown, s.line).tokens;
}

export function sectionRenderer(course: Course, t: Look, stack: StackChoice): (m: Module, s: Section) => string {
  const render = markdownRenderer(renderOptions(course, t, stack));
  return (m, s) => render(sectionTokens(m, s));
}

/** A section as lines, for the reader: each knows its block, and what to repeat when it continues. */
export function sectionLines(course: Course, t: Look, stack: StackChoice, m: Module, s: Section): Line[] {
  return markdownLayout(renderOptions(course, t, stack))(sectionTokens(m, s));
}

export function moduleHeader(m: Module, t: Look): string {
  const title = `Module ${pad2(m.number)} · ${m.title}`;
  const lines = [chalk.bold.magenta(title), wrap(m.summary, t.width), "", chalk.bold("You will be able to:")];
  for (const o of m.objectives) lines.push(hangingIndent(o, "  • ", t.width));
  lines.push("", `About ${m.minutes} minutes · ${m.sections.length} sections · ${m.quiz.length} quiz questions`);
  return lines.join("\n");
}

/** The whole lesson at once (from a section, if given), for --plain and pipes. */
export function renderLesson(course: Course, m: Module, t: Look, stack: StackChoice, from = 0): string {
  const render = sectionRenderer(course, t, stack);
  const rule = "─".repeat(Math.min(t.width, 60));
  const parts = [moduleHeader(m, t)];
  for (const s of m.sections.slice(from)) parts.push(chalk.dim(rule), render(m, s).trimEnd());
  return parts.join("\n\n") + "\n";
}

/** An FAQ answer's tokens: pre-lexed by the build when the course is compiled, else lexed now. */
function faqTokens(f: FaqEntry): Token[] {
  if (f.lexed) {
    try {
      return JSON.parse(readFileSync(f.lexed, "utf8")) as Token[];
    } catch {
      // Lexed again below.
    }
  }
  return lex(f.markdown, f.bodyLine).tokens;
}

/** A reference page ("Encore at a glance") whole, for --plain and pipes. */
export function renderReference(course: Course, ref: Reference, t: Look, stack: StackChoice, from = 0): string {
  const render = markdownRenderer(renderOptions(course, t, stack));
  const rule = "─".repeat(Math.min(t.width, 60));
  const parts = [`${chalk.bold.magenta(`Reference · ${ref.title}`)}\n${wrap(ref.summary, t.width)}`];
  for (const s of ref.sections.slice(from)) parts.push(chalk.dim(rule), render(sectionTokens(ref, s)).trimEnd());
  return parts.join("\n\n") + "\n";
}

export function renderFaq(course: Course, f: FaqEntry, t: Look, stack: StackChoice): string {
  return `${chalk.bold.cyan(f.question)}\n\n${markdownRenderer(renderOptions(course, t, stack))(faqTokens(f))}`;
}

/** An FAQ answer as lines: the question, then the answer. */
export function faqLines(course: Course, f: FaqEntry, t: Look, stack: StackChoice): Line[] {
  const body = markdownLayout(renderOptions(course, t, stack))(faqTokens(f));
  const head = wrap(chalk.bold.cyan(f.question), t.width).split("\n").map((text) => ({ text, block: -1, offset: 0 }));
  return [...head, { text: "", block: -1, offset: Number.MAX_SAFE_INTEGER }, ...body];
}

export function renderText(course: Course, markdown: string, t: Look, stack: StackChoice = "all"): string {
  return renderMarkdownText(markdown, renderOptions(course, t, stack));
}

/** Plain text (already styled) as lines a document view can show. */
export function textLines(text: string): Line[] {
  return text.replace(/\n$/, "").split("\n").map((line, i) => ({ text: line, block: i, offset: 0 }));
}
