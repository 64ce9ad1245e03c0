// Which section of a lesson teaches what a quiz question asks: the lesson sections of its module
// ranked by the search index against the question and its right answer.
import type { Module, Question } from "../content/model.js";
import { plainText } from "./documents.js";
import type { Searchable } from "./engine.js";

// Summaries mention everything; they are where to look only when nothing else is.
const SUMMARY = /^(key takeaways|try it|see also|common mistakes)$/i;

export function teachingSection(index: Searchable, m: Module, q: Question): number | undefined {
  const right = q.options.find((o) => o.correct);
  const text = plainText(`${q.prompt}\n\n${right?.text ?? ""}\n\n${right?.explain ?? ""}`).slice(0, 800);
  const hits = index.search(text, { filter: (r) => r.kind === "lesson" && r.module === m.id }) as unknown as { section?: string }[];
  const ranked = hits.map((h) => m.sections.findIndex((s) => s.id === h.section)).filter((i) => i >= 0);
  const best = ranked.find((i) => !SUMMARY.test(m.sections[i]!.title)) ?? ranked[0];
  return best;
}
