// Which module teaches what a learner typed when it is not a module id ("rest", "jwt", "restt").
import type { OpenedCourse } from "../content/course.js";
import type { Module, Course } from "../content/model.js";
import { openIndex } from "./cache.js";
import { boundQuery } from "./engine.js";

export function moduleTeaching(source: OpenedCourse, course: Course, input: string): Module | undefined {
  const words = boundQuery(input.trim().toLowerCase());
  if (!words) return undefined;
  // A module whose title says it, first: "security" in "Auth and security".
  const byTitle = course.modules.filter((m) => m.title.toLowerCase().split(/[^a-z0-9]+/).includes(words));
  if (byTitle.length === 1) return byTitle[0];
  const index = openIndex(source);
  const hits = index.search(words, { filter: (r) => r.kind === "lesson" }) as unknown as { module?: string; score: number }[];
  // The module with the most weight among the best lesson hits.
  const weight = new Map<string, number>();
  for (const h of hits.slice(0, 10)) if (h.module) weight.set(h.module, (weight.get(h.module) ?? 0) + h.score);
  const best = [...weight.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? course.modules.find((m) => m.id === best[0]) : undefined;
}
