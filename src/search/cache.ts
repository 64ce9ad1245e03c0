// The search index, built once per content stamp and kept beside the compiled course, in two
// forms:
//   search.json  minisearch's own serialisation: portable, documented, always written;
//   search.bin   the loaded index's state as V8 structured-clone data: restoring it skips
//                rebuilding every posting from JSON (about a third of the load time).
// search.bin depends on minisearch's internals, so it is tied to the exact minisearch version
// (pinned in package.json; a test fails if they drift) and to the Node that wrote it. Anything
// unexpected falls back to search.json.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import MiniSearch from "minisearch";
import { writeAtomic } from "../content/compiled.js";
import type { OpenedCourse } from "../content/course.js";
import type { Course } from "../content/model.js";
import type { SearchDoc } from "./documents.js";
import { buildIndex, INDEX_OPTIONS, loadIndex } from "./engine.js";

const JSON_FILE = "search.json";
const FAST_FILE = "search.bin";
/** The minisearch release whose internal layout search.bin captures. */
export const FAST_FORMAT = "minisearch@7.2.0/state-1";

export function writeIndex(dir: string, course: Course, stamp: string, index = buildIndex(course)): void {
  writeAtomic(join(dir, JSON_FILE), JSON.stringify({ stamp, index }));
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(index)) if (key !== "_options") state[key] = value;
  writeAtomic(join(dir, FAST_FILE), serialize({ format: FAST_FORMAT, stamp, documentCount: index.documentCount, state }));
}

export function readFastIndex(dir: string, stamp: string): MiniSearch<SearchDoc> | undefined {
  const file = join(dir, FAST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const data = deserialize(readFileSync(file)) as { format: string; stamp: string; documentCount: number; state: Record<string, unknown> };
    if (data.format !== FAST_FORMAT || data.stamp !== stamp) return undefined;
    const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
    const internals = index as unknown as { _index: object };
    const treeClass = Object.getPrototypeOf(internals._index) as object;
    Object.assign(index, data.state);
    // Structured clone keeps the data but not the class of the term tree.
    Object.setPrototypeOf(internals._index, treeClass);
    return index.documentCount === data.documentCount ? index : undefined;
  } catch {
    return undefined;
  }
}

export function readJsonIndex(dir: string, stamp: string): MiniSearch<SearchDoc> | undefined {
  const file = join(dir, JSON_FILE);
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
    const index = readFastIndex(dir, source.stamp) ?? readJsonIndex(dir, source.stamp);
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
