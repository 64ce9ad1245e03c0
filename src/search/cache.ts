// The search index on disk, built once per content stamp beside the compiled course, in a form
// that a search reads only part of:
//   search/meta.json     the stamp, and what scoring needs about every document (ids, field
//                        lengths, stored fields): minisearch's own serialisation, less the index;
//   search/terms.txt     every indexed term, sorted, one per line;
//   search/offsets.bin   where each term's postings start in postings.bin (little-endian uint32);
//   search/letters.bin   for each term, a bit per letter it holds (uint32), to rule out typo
//                        matches without comparing the words;
//   search/postings.bin  each term's postings, as minisearch serialises them (JSON);
//   search/texts.bin     each document's snippet text (never a quiz answer), by minisearch's short id
//   search/text-offsets.bin  (a hit's snippet then needs neither the lesson nor the markdown work).
// A search reads the terms, works out which of them its words can match (the word itself, words
// it starts, words within the typo distance), and reads only those postings. minisearch then runs
// the query on an index of just those terms: every match it could make is there, and scoring
// uses the whole collection's statistics, so the results are those of the whole index, for a
// fraction of the reading. Restoring the whole index grew with the course; this grows with the
// words searched for.
import { closeSync, openSync, readSync } from "node:fs";
import { dirname, join } from "node:path";
import { distance } from "fastest-levenshtein";
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from "minisearch";
import { readRegularFile, writeAtomic } from "../files.js";
import type { OpenedCourse } from "../content/course.js";
import type { Course } from "../content/model.js";
import { documents, type SearchDoc } from "./documents.js";
import { buildIndex, INDEX_OPTIONS, type Searchable } from "./engine.js";

const DIR = "search";
/** Changes whenever the files' layout does. */
export const INDEX_FORMAT = "terms-4";

interface Meta {
  format: string;
  stamp: string;
  docs: Omit<AsPlainObject, "index">;
}

export function writeIndex(dir: string, course: Course, stamp: string, index = buildIndex(course)): void {
  const { index: entries, ...docs } = index.toJSON();
  const textOf = new Map(documents(course).map((d) => [d.id, d.display ?? d.text]));
  const texts = Array.from({ length: docs.nextId }, (_, short) => Buffer.from(textOf.get(String(docs.documentIds[short] ?? "")) ?? "", "utf8"));
  const textOffsets = new Uint32Array(texts.length + 1);
  texts.forEach((t, i) => (textOffsets[i + 1] = textOffsets[i]! + t.length));
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const chunks = entries.map(([, postings]) => Buffer.from(JSON.stringify(postings), "utf8"));
  const offsets = new Uint32Array(chunks.length + 1);
  chunks.forEach((c, i) => (offsets[i + 1] = offsets[i]! + c.length));
  const out = join(dir, DIR);
  writeAtomic(join(out, "postings.bin"), Buffer.concat(chunks));
  writeAtomic(join(out, "offsets.bin"), Buffer.from(offsets.buffer));
  writeAtomic(join(out, "terms.txt"), entries.map(([term]) => term).join("\n"));
  writeAtomic(join(out, "letters.bin"), Buffer.from(Uint32Array.from(entries, ([term]) => letters(term)).buffer));
  writeAtomic(join(out, "texts.bin"), Buffer.concat(texts));
  writeAtomic(join(out, "text-offsets.bin"), Buffer.from(textOffsets.buffer));
  // Written last: a meta.json with this stamp means the other files are in place.
  const meta: Meta = { format: INDEX_FORMAT, stamp, docs };
  writeAtomic(join(out, "meta.json"), JSON.stringify(meta));
}

type Postings = AsPlainObject["index"][number][1];

/** What a search needs of an index: the documents, the sorted terms, and where the postings are. */
export interface TermIndex {
  meta: Meta;
  terms: string[];
  masks?: Uint32Array;
  /** The postings file and each term's offset in it, or (when no folder could keep it) a map. */
  postings: { file: string; offsets: Uint32Array } | Map<string, Postings>;
}

export function readTermIndex(dir: string, stamp: string): TermIndex | undefined {
  try {
    const metaBuf = readRegularFile(join(dir, DIR, "meta.json"), 256 << 20);
    if (!metaBuf) return undefined;
    const meta = JSON.parse(metaBuf.toString("utf8")) as Meta;
    if (meta.format !== INDEX_FORMAT || meta.stamp !== stamp) return undefined;
    const terms = readRegularFile(join(dir, DIR, "terms.txt"), 64 << 20)!.toString("utf8").split("\n");
    const raw = readRegularFile(join(dir, DIR, "offsets.bin"), 64 << 20)!;
    const offsets = new Uint32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    const rawMasks = readRegularFile(join(dir, DIR, "letters.bin"), 64 << 20)!;
    const masks = new Uint32Array(rawMasks.buffer.slice(rawMasks.byteOffset, rawMasks.byteOffset + rawMasks.byteLength));
    if (offsets.length !== terms.length + 1 || masks.length !== terms.length) return undefined;
    return { meta, terms, masks, postings: { file: join(dir, DIR, "postings.bin"), offsets } };
  } catch {
    return undefined;
  }
}

/** A bit for each letter (a-z), digit and other character a word holds. */
export function letters(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    m |= c >= 97 && c <= 122 ? 1 << (c - 97) : c >= 48 && c <= 57 ? 1 << 26 : 1 << 27;
  }
  return m >>> 0;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

/**
 * The index terms a query's words can reach: each word, what it starts, what is a few typos
 * off. A typo match is looked for only among terms of a near length whose letters differ from
 * the word's by no more letters than typos allowed (each missing or extra letter costs an edit).
 */
export function reachableTerms(terms: readonly string[], query: string, masks?: Uint32Array, options: Options<SearchDoc> = INDEX_OPTIONS): number[] {
  const search = (options.searchOptions ?? {}) as SearchOptions;
  const tokenize = search.tokenize ?? options.tokenize!;
  const process = (search.processTerm ?? options.processTerm)!;
  const words = tokenize(query).flatMap((t) => process(t) ?? []).filter(Boolean) as string[];
  const found = new Set<number>();
  const maxFuzzy = search.maxFuzzy ?? 6;
  words.forEach((word, i) => {
    // Binary search: the first term not before the word. Prefix matches follow it contiguously.
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    if (terms[lo] === word) found.add(lo);
    const prefix = typeof search.prefix === "function" ? search.prefix(word, i, words) : search.prefix === true;
    if (prefix) for (let j = lo; j < terms.length && terms[j]!.startsWith(word); j++) found.add(j);
    const fuzzy = typeof search.fuzzy === "function" ? search.fuzzy(word, i, words) : search.fuzzy;
    if (fuzzy) {
      const f = fuzzy === true ? 0.2 : fuzzy;
      const max = f < 1 ? Math.min(maxFuzzy, Math.round(word.length * f)) : f;
      if (max) {
        const mine = letters(word);
        for (let j = 0; j < terms.length; j++) {
          const t = terms[j]!;
          if (Math.abs(t.length - word.length) > max) continue;
          const theirs = masks ? masks[j]! : letters(t);
          if (bitCount(mine & ~theirs) > max || bitCount(theirs & ~mine) > max) continue;
          if (distance(t, word) <= max) found.add(j);
        }
      }
    }
  });
  return [...found].sort((a, b) => a - b);
}

/** A minisearch index holding just the terms `query` can reach, with the whole collection's statistics. */
export function indexFor(ti: TermIndex, query: string): MiniSearch<SearchDoc> {
  const wanted = reachableTerms(ti.terms, query, ti.masks);
  const index: AsPlainObject["index"] = [];
  const p = ti.postings;
  if (p instanceof Map) {
    for (const i of wanted) index.push([ti.terms[i]!, p.get(ti.terms[i]!)!]);
  } else if (wanted.length) {
    const fd = openSync(p.file, "r");
    try {
      for (const i of wanted) {
        const start = p.offsets[i]!;
        const buf = Buffer.allocUnsafe(p.offsets[i + 1]! - start);
        readSync(fd, buf, 0, buf.length, start);
        index.push([ti.terms[i]!, JSON.parse(buf.toString("utf8")) as Postings]);
      }
    } finally {
      closeSync(fd);
    }
  }
  return MiniSearch.loadJS<SearchDoc>({ ...ti.meta.docs, index }, INDEX_OPTIONS);
}

/** The index for this content: from the first folder that has it, else built and written for next time. */
export function openTermIndex(source: OpenedCourse): TermIndex {
  for (const dir of source.cacheDirs) {
    const ti = readTermIndex(dir, source.stamp);
    if (ti) return ti;
  }
  const built = buildIndex(source.course);
  const writable = source.cacheDirs.at(-1)!;
  try {
    writeIndex(writable, source.course, source.stamp, built);
    const ti = readTermIndex(writable, source.stamp);
    if (ti) return ti;
  } catch {
    // A cache that cannot be written only costs speed: kept in memory below.
  }
  const { index: entries, ...docs } = built.toJSON();
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { meta: { format: INDEX_FORMAT, stamp: source.stamp, docs }, terms: entries.map(([t]) => t), postings: new Map(entries) };
}

/** The plain text of a document from the index folder's texts, or undefined. */
function textReader(ti: TermIndex): ((id: string) => string | undefined) | undefined {
  if (ti.postings instanceof Map) return undefined;
  const dir = dirname(ti.postings.file);
  let offsets: Uint32Array | undefined;
  let shortIds: Map<string, number> | undefined;
  return (id) => {
    try {
      if (!offsets) {
        const raw = readRegularFile(join(dir, "text-offsets.bin"), 64 << 20)!;
        offsets = new Uint32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
        shortIds = new Map(Object.entries(ti.meta.docs.documentIds).map(([short, doc]) => [String(doc), Number(short)]));
      }
      const short = shortIds!.get(id);
      if (short === undefined || short + 1 >= offsets.length) return undefined;
      const buf = Buffer.allocUnsafe(offsets[short + 1]! - offsets[short]!);
      const fd = openSync(join(dir, "texts.bin"), "r");
      try {
        readSync(fd, buf, 0, buf.length, offsets[short]!);
      } finally {
        closeSync(fd);
      }
      return buf.toString("utf8");
    } catch {
      return undefined;
    }
  };
}

/** Something to search: the term index, opened once, queried per search. */
export function openIndex(source: OpenedCourse): Searchable {
  const ti = openTermIndex(source);
  const text = textReader(ti);
  return { search: (query, options) => indexFor(ti, query).search(query, options), ...(text ? { text } : {}) };
}
