// The course as searchable documents: lesson sections, FAQ answers, quiz questions, roadmap
// stages. Pure.
import type { Course, FaqEntry, Module, Question, Section, Stage } from "../content/model.js";

export type HitKind = "lesson" | "faq" | "quiz" | "roadmap";

export interface SearchDoc {
  /** module:<id>#<section>, faq:<id>, quiz:<module>/<question> or stage:<id>. */
  id: string;
  kind: HitKind;
  module?: string;
  section?: string;
  title: string;
  /** Sub-headings and other short labels, ranked between titles and text. */
  headings: string;
  text: string;
  /** What snippets are cut from, when it differs from `text`: never the answer of a quiz question. */
  display?: string;
}

/** Markdown to searchable prose: code blocks, markup and link targets removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, " ")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/\{#[a-z0-9-]+\}/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*`]+/g, "")
    .replace(/^\s*>\s?/gm, "")
    .replace(/\|/g, " ")
    .replace(/^\s*[-:| ]+$/gm, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Markdown tables as sentences ("GET — Safe: yes; Idempotent: yes."), so a snippet reads as prose. */
function tablesAsSentences(markdown: string): string {
  const cells = (line: string) => line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
  return markdown.replace(/^\|.*\|[ \t]*\n\|[\s:|-]+\|[ \t]*\n((?:\|.*\|[ \t]*(?:\n|$))*)/gm, (block, body: string) => {
    const head = cells(block.split("\n")[0]!);
    const rows = body.split("\n").filter((l) => l.trim()).map(cells);
    const sentence = (r: string[]) =>
      head.length === 2 ? `${r[0]}: ${r[1] ?? ""}.` : `${r[0]} — ${head.slice(1).map((h, i) => `${h}: ${r[i + 1] ?? ""}`).join("; ")}.`;
    return `${rows.map(sentence).join(" ")}\n`;
  });
}

/** Text to cut snippets from: like plainText, with tables kept readable. */
export function displayText(markdown: string): string {
  return plainText(tablesAsSentences(markdown));
}

function subHeadings(markdown: string): string {
  return [...markdown.matchAll(/^#{3,6}\s+(.*)$/gm)].map((m) => m[1]).join(" · ");
}

function sectionDoc(m: Module, s: Section): SearchDoc {
  const body = s.markdown.replace(/^##\s+[^\n]*\n/, "");
  return { id: `module:${m.id}#${s.id}`, kind: "lesson", module: m.id, section: s.id, title: s.title, headings: `${subHeadings(body)} · ${m.title}`, text: plainText(body), display: displayText(body) };
}

function quizDoc(m: Module, q: Question): SearchDoc {
  const right = q.options.find((o) => o.correct)!;
  return {
    id: `quiz:${m.id}/${q.id}`,
    kind: "quiz",
    module: m.id,
    title: plainText(q.prompt).slice(0, 160),
    headings: right.text,
    text: plainText([q.prompt, ...q.options.map((o) => `${o.text}. ${o.explain}`)].join("\n\n")),
    // A snippet shows the question only: the answer must not be seen before it is asked.
    display: plainText(q.prompt),
  };
}

function faqDoc(f: FaqEntry): SearchDoc {
  return { id: `faq:${f.id}`, kind: "faq", title: f.question, headings: f.modules.join(" "), text: plainText(f.markdown), display: displayText(f.markdown) };
}

function stageDoc(s: Stage): SearchDoc {
  return { id: `stage:${s.id}`, kind: "roadmap", title: `Stage ${s.number}: ${s.title}`, headings: s.skills.join(" · "), text: plainText(`${s.summary} ${s.project}`) };
}

export function documents(course: Course): SearchDoc[] {
  return [
    ...course.modules.flatMap((m) => [...m.sections.map((s) => sectionDoc(m, s)), ...m.quiz.map((q) => quizDoc(m, q))]),
    ...course.faq.map(faqDoc),
    ...course.stages.map(stageDoc),
  ];
}

/** One document, rebuilt from the course by its id. */
export function documentById(course: Course, id: string): SearchDoc | undefined {
  const [, kind, target, rest] = /^(module|quiz|faq|stage):([^#/]+)(?:[#/](.*))?$/.exec(id) ?? [];
  if (kind === "faq") {
    const f = course.faq.find((x) => x.id === target);
    return f && faqDoc(f);
  }
  if (kind === "stage") {
    const s = course.stages.find((x) => x.id === target);
    return s && stageDoc(s);
  }
  const m = course.modules.find((x) => x.id === target);
  if (!m) return undefined;
  if (kind === "module") {
    const s = m.sections.find((x) => x.id === rest);
    return s && sectionDoc(m, s);
  }
  const q = m.quiz.find((x) => x.id === rest);
  return q && quizDoc(m, q);
}
