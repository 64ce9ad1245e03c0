// Search hits as text: where each one lives, a snippet with the matched words, how to open it.
import chalk from "chalk";
import type { Course } from "../content/model.js";
import { MARK_END, MARK_START, type Hit } from "../search/engine.js";
import type { Look } from "./lesson.js";
import { hangingIndent, pad2, wrap } from "./text.js";

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, "g");

/** The snippet with its marks as bold yellow (or removed, without colour). */
export function highlightSnippet(text: string, color: boolean): string {
  return color ? text.replace(new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, "g"), (_, w: string) => chalk.bold.yellow(w)) : text.replace(MARKS, "");
}

export function unmarked(text: string): string {
  return text.replace(MARKS, "");
}

/** The question a quiz hit refers to, and its number in the module's quiz. */
export function hitQuestion(course: Course, h: Hit) {
  const m = course.modules.find((x) => x.id === h.module);
  const index = m ? m.quiz.findIndex((q) => h.ref === `quiz:${m.id}/${q.id}`) : -1;
  return m && index >= 0 ? { module: m, question: m.quiz[index]!, number: index + 1 } : undefined;
}

/** "01 API fundamentals › Idempotency keys", "FAQ: …", "Quiz 03 … › question 4", "Roadmap: …". */
export function where(course: Course, h: Hit): string {
  const m = h.module ? course.modules.find((x) => x.id === h.module) : undefined;
  if (h.kind === "lesson" && m) return `${pad2(m.number)} ${m.title} › ${h.title}`;
  if (h.kind === "quiz" && m) {
    const q = hitQuestion(course, h);
    return `Quiz ${pad2(m.number)} ${m.title} › question ${q?.number ?? "?"} of ${m.quiz.length}`;
  }
  if (h.kind === "faq") return `FAQ: ${h.title}`;
  return `Roadmap: ${h.title}`;
}

/** The command that opens a hit. */
export function hitCommand(course: Course, h: Hit): string {
  const m = h.module ? course.modules.find((x) => x.id === h.module) : undefined;
  if (h.kind === "lesson" && m) return `api-architect learn ${m.number} --section ${h.section}`;
  if (h.kind === "quiz" && m) return `api-architect quiz ${m.number}`;
  if (h.kind === "faq") return `api-architect faq ${h.ref.replace(/^faq:/, "")}`;
  return "api-architect roadmap";
}

export function renderHits(course: Course, hits: Hit[], look: Look): string {
  const body = hits.map((h, i) => {
    const head = hangingIndent(`[${h.kind}] ${where(course, h)}`, `${String(i + 1).padStart(2)}. `, look.width);
    const snippet = wrap(highlightSnippet(h.snippet, look.color), look.width - 5).replace(/^/gm, "     ");
    const open = hangingIndent(hitCommand(course, h), "     → ", look.width);
    return `${chalk.bold(head)}\n${chalk.dim(snippet)}\n${chalk.cyan(open)}`;
  });
  return `${body.join("\n\n")}\n\n${chalk.dim(wrap("Run the command under a hit to open it, or run the search in a terminal to pick one.", look.width))}`;
}
