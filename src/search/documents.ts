// The course as searchable documents: lesson sections, FAQ answers, quiz questions, roadmap
// stages. Pure.
import type { Course } from "../content/model.js";

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

function subHeadings(markdown: string): string {
  return [...markdown.matchAll(/^#{3,6}\s+(.*)$/gm)].map((m) => m[1]).join(" · ");
}

export function documents(course: Course): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const m of course.modules) {
    for (const s of m.sections) {
      const body = s.markdown.replace(/^##\s+[^\n]*\n/, "");
      docs.push({ id: `module:${m.id}#${s.id}`, kind: "lesson", module: m.id, section: s.id, title: s.title, headings: `${subHeadings(body)} · ${m.title}`, text: plainText(body) });
    }
    for (const q of m.quiz) {
      const right = q.options.find((o) => o.correct)!;
      docs.push({
        id: `quiz:${m.id}/${q.id}`,
        kind: "quiz",
        module: m.id,
        title: plainText(q.prompt).slice(0, 160),
        headings: right.text,
        text: plainText([q.prompt, ...q.options.map((o) => `${o.text}. ${o.explain}`)].join("\n\n")),
      });
    }
  }
  for (const f of course.faq) {
    docs.push({ id: `faq:${f.id}`, kind: "faq", title: f.question, headings: f.modules.join(" "), text: plainText(f.markdown) });
  }
  for (const s of course.stages) {
    docs.push({ id: `stage:${s.id}`, kind: "roadmap", title: `Stage ${s.number}: ${s.title}`, headings: s.skills.join(" · "), text: plainText(`${s.summary} ${s.project}`) });
  }
  return docs;
}
