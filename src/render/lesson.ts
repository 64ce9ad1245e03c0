// Lessons, FAQ answers and quiz text as terminal strings.
import chalk from "chalk";
import type { Course, FaqEntry, Module, Section } from "../content/model.js";
import { markdownRenderer, renderMarkdownText, type RenderOptions, type StackChoice } from "./markdown.js";
import type { Terminal } from "../output.js";

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** How a course link reads in the terminal: the command that opens it. */
export function linkDescriber(course: Course): (href: string) => string | undefined {
  return (href) => {
    const m = /^(module|faq|stage):([^#]*)(?:#(.*))?$/.exec(href);
    if (!m) return undefined;
    const [, kind, id, anchor] = m;
    if (kind === "faq") return `faq ${id}`;
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

export function sectionRenderer(course: Course, t: Terminal, stack: StackChoice): (s: Section) => string {
  const render = markdownRenderer(renderOptions(course, t, stack));
  return (s) => render(s.tokens);
}

export function moduleHeader(m: Module, t: Terminal): string {
  const title = `Module ${pad2(m.number)} · ${m.title}`;
  const lines = [t.color ? chalk.bold.magenta(title) : title, m.summary, "", t.color ? chalk.bold("You will be able to:") : "You will be able to:"];
  for (const o of m.objectives) lines.push(`  • ${o}`);
  lines.push("", `About ${m.minutes} minutes · ${m.sections.length} sections · ${m.quiz.length} quiz questions`);
  return lines.join("\n");
}

/** The whole lesson at once, for --plain and pipes. */
export function renderLesson(course: Course, m: Module, t: Terminal, stack: StackChoice): string {
  const render = sectionRenderer(course, t, stack);
  const rule = "─".repeat(Math.min(t.width, 60));
  const parts = [moduleHeader(m, t)];
  for (const s of m.sections) parts.push(t.color ? chalk.dim(rule) : rule, render(s).trimEnd());
  return parts.join("\n\n") + "\n";
}

export function renderFaq(course: Course, f: FaqEntry, t: Terminal, stack: StackChoice): string {
  const q = t.color ? chalk.bold.cyan(f.question) : f.question;
  return `${q}\n\n${markdownRenderer(renderOptions(course, t, stack))(f.tokens)}`;
}

export function renderText(course: Course, markdown: string, t: Terminal, stack: StackChoice = "all"): string {
  return renderMarkdownText(markdown, renderOptions(course, t, stack));
}
