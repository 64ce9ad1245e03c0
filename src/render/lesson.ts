// Lessons, FAQ answers and quiz text as terminal strings.
import chalk from "chalk";
import { readFileSync } from "node:fs";
import type { Token } from "marked";
import type { Course, FaqEntry, Module, Reference, Section } from "../content/model.js";
import { markdownRenderer, renderMarkdownText, type RenderOptions, type StackChoice } from "./markdown.js";
import type { Terminal } from "../output.js";
import { lex } from "../content/markdown.js";
import { hangingIndent, pad2, wrap } from "./text.js";

export { pad2 };

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

export function renderOptions(course: Course, t: Terminal, stack: StackChoice): RenderOptions {
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

export function sectionRenderer(course: Course, t: Terminal, stack: StackChoice): (m: Module, s: Section) => string {
  const render = markdownRenderer(renderOptions(course, t, stack));
  return (m, s) => render(sectionTokens(m, s));
}

export function moduleHeader(m: Module, t: Terminal): string {
  const title = `Module ${pad2(m.number)} · ${m.title}`;
  const lines = [t.color ? chalk.bold.magenta(title) : title, wrap(m.summary, t.width), "", t.color ? chalk.bold("You will be able to:") : "You will be able to:"];
  for (const o of m.objectives) lines.push(hangingIndent(o, "  • ", t.width));
  lines.push("", `About ${m.minutes} minutes · ${m.sections.length} sections · ${m.quiz.length} quiz questions`);
  return lines.join("\n");
}

/** The whole lesson at once (from a section, if given), for --plain and pipes. */
export function renderLesson(course: Course, m: Module, t: Terminal, stack: StackChoice, from = 0): string {
  const render = sectionRenderer(course, t, stack);
  const rule = "─".repeat(Math.min(t.width, 60));
  const parts = [moduleHeader(m, t)];
  for (const s of m.sections.slice(from)) parts.push(t.color ? chalk.dim(rule) : rule, render(m, s).trimEnd());
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
export function renderReference(course: Course, ref: Reference, t: Terminal, stack: StackChoice, from = 0): string {
  const render = markdownRenderer(renderOptions(course, t, stack));
  const rule = "─".repeat(Math.min(t.width, 60));
  const title = `Reference · ${ref.title}`;
  const parts = [`${t.color ? chalk.bold.magenta(title) : title}\n${wrap(ref.summary, t.width)}`];
  for (const s of ref.sections.slice(from)) parts.push(t.color ? chalk.dim(rule) : rule, render(sectionTokens(ref, s)).trimEnd());
  return parts.join("\n\n") + "\n";
}

export function renderFaq(course: Course, f: FaqEntry, t: Terminal, stack: StackChoice): string {
  const q = t.color ? chalk.bold.cyan(f.question) : f.question;
  return `${q}\n\n${markdownRenderer(renderOptions(course, t, stack))(faqTokens(f))}`;
}

export function renderText(course: Course, markdown: string, t: Terminal, stack: StackChoice = "all"): string {
  return renderMarkdownText(markdown, renderOptions(course, t, stack));
}

