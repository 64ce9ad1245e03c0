// The search index, built once per content stamp and kept beside the compiled course.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type MiniSearch from "minisearch";
import { writeAtomic } from "../content/compiled.js";
import type { OpenedCourse } from "../content/course.js";
import type { Course } from "../content/model.js";
import type { SearchDoc } from "./documents.js";
import { buildIndex, loadIndex } from "./engine.js";

const FILE = "search.json";

export function writeIndex(dir: string, course: Course, stamp: string, index = buildIndex(course)): void {
  writeAtomic(join(dir, FILE), JSON.stringify({ stamp, index }));
}

function readIndex(dir: string, stamp: string): MiniSearch<SearchDoc> | undefined {
  const file = join(dir, FILE);
  if (!existsSync(file)) return undefined;
  try {
    const raw = readFileSync(file, "utf8");
    // The stamp is written first, so it can be checked before the whole index is parsed.
    const head = /^\{"stamp":"([0-9a-f]+)","index":/.exec(raw.slice(0, 80));
    if (!head || head[1] !== stamp) return undefined;
    return loadIndex(raw.slice(head[0].length, -1));
  } catch {
    return undefined;
  }
}

export function openIndex(source: OpenedCourse): MiniSearch<SearchDoc> {
  for (const dir of source.cacheDirs) {
    const index = readIndex(dir, source.stamp);
    if (index) return index;
  }
  const index = buildIndex(source.course);
  try {
    writeIndex(source.cacheDirs.at(-1)!, source.course, source.stamp, index);
  } catch {
    // A cache that cannot be written only costs speed.
  }
  return index;
}
