// Which module teaches what a learner typed when it is not a module id ("rest", "jwt", "restt").
import type { OpenedCourse } from "../content/course.js";
import type { Module, Course } from "../content/model.js";
import { openIndex } from "./cache.js";
import { boundQuery } from "./engine.js";

const wordsOf = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/**
 * How squarely a module is about a word: its title counts most, then its section headings,
 * then its summary and objectives. A word every module mentions once in passing scores low.
 */
function aboutness(m: Module, word: string): number {
  const count = (text: string) => wordsOf(text).filter((w) => w === word || w === `${word}s`).length;
  return 4 * count(m.title) + 2 * m.sections.reduce((n, s) => n + count(s.title), 0) + count(m.summary) + count(m.objectives.join(" "));
}

function mostAbout(course: Course, word: string): Module | undefined {
  // On a tie the earlier module wins: it is where the course first teaches the idea ("rest" is
  // module 01's, though module 08 weighs REST against GraphQL).
  const scored = course.modules.map((m) => ({ m, score: aboutness(m, word) })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score || a.m.number - b.m.number);
  return scored[0]?.m;
}

export function moduleTeaching(source: OpenedCourse, course: Course, input: string): Module | undefined {
  // Bounded like a search: a module argument of any length costs no more than a search does.
  const word = boundQuery(input.trim().toLowerCase());
  if (!word) return undefined;
  const direct = mostAbout(course, word);
  if (direct) return direct;
  const index = openIndex(source);
  const hits = index.search(word, { filter: (r) => r.kind === "lesson" }) as unknown as { module?: string; score: number; terms?: string[] }[];
  // A typo ("restt"): the word the index matched it to is what the learner meant.
  const meant = hits[0]?.terms?.find((t) => t !== word);
  if (meant) {
    const corrected = mostAbout(course, meant);
    if (corrected) return corrected;
  }
  // The module with the most weight among the best lesson hits.
  const weight = new Map<string, number>();
  for (const h of hits.slice(0, 10)) if (h.module) weight.set(h.module, (weight.get(h.module) ?? 0) + h.score);
  const best = [...weight.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? course.modules.find((m) => m.id === best[0]) : undefined;
}
