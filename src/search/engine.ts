// Full-text search with minisearch: prefix matching and typo tolerance, titles and headings
// ranked above body text. Pure apart from the index object itself.
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from "minisearch";
import { stemmer } from "stemmer";
import type { Course } from "../content/model.js";
import { documentById, documents, type HitKind, type SearchDoc } from "./documents.js";

// Words that carry no meaning in a learner's question ("how do I ...").
const STOP_WORDS = new Set(
  "a an and are as at be but by can do does for from how i if in into is it its me my of on or should so that the their then there these this to use using vs was we what when where which who why will with you your".split(" "),
);

/** Index terms: lowercase words, stop words out. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) || t.length < 2 ? null : t;
}

/**
 * Query terms: each word as typed and also its stem, which prefix search then matches against
 * every form in the index ("charging" → "charg" → charge, charged). Stemming the query alone
 * keeps the index (and so its load time) smaller than indexing both forms.
 */
export function processQueryTerm(term: string): string | string[] | null {
  const t = processTerm(term);
  if (!t) return null;
  // Stem plain words only; identifiers such as n+1, p99 or idempotency-key stay whole.
  const stem = /^[a-z]+$/.test(t) ? stemmer(t) : t;
  return stem === t || stem.length < 3 ? t : [t, stem];
}

const KIND_BOOST: Record<HitKind, number> = { lesson: 1.3, faq: 1.2, roadmap: 0.8, quiz: 0.6 };

export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ["title", "headings", "text"],
  storeFields: ["kind", "module", "section", "title"],
  processTerm,
  // Hyphenated words are indexed whole and in parts: "idempotency-key", "idempotency", "key".
  tokenize: (text) => {
    const words = text.split(/[\s,.;:!?()[\]{}"'/\\=<>*&|~^$@%]+/).filter(Boolean);
    return words.flatMap((w) => (w.includes("-") ? [w, ...w.split("-").filter(Boolean)] : [w]));
  },
  searchOptions: {
    processTerm: processQueryTerm,
    // Tuned against tests/search-queries.json (exact terms, synonyms, questions, typos).
    boost: { title: 2, headings: 1.5, text: 1 },
    // A match on a word's stem counts for less than a match on the word itself.
    boostTerm: (term, _i, terms) => (terms.some((other) => other !== term && other.length > term.length && stemmer(other) === term) ? 0.6 : 1),
    prefix: (term) => term.length >= 3,
    // Edits allowed per word (a transposition counts as two): none for short words.
    fuzzy: (term) => (term.length >= 9 ? 0.25 : term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0),
    weights: { fuzzy: 0.5, prefix: 0.6 },
    combineWith: "OR",
    // A learner looking something up wants the lesson or answer, before a quiz that mentions it.
    boostDocument: (_id, _term, stored) => KIND_BOOST[(stored?.kind as HitKind) ?? "lesson"],
  },
};

export function buildIndex(course: Course): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  index.addAll(documents(course));
  return index;
}

export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, INDEX_OPTIONS);
}

export interface Hit {
  kind: HitKind;
  /** Where it lives: module:<id>#<section>, faq:<id>, quiz:<module>/<question>, stage:<id>. */
  ref: string;
  module: string | null;
  section: string | null;
  title: string;
  /** A stretch of the text around the best match; matched words wrapped in MARK_START/MARK_END. */
  snippet: string;
  score: number;
  terms: string[];
}

export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** The ~width characters of `text` that hold the most matches, matches marked. */
export function snippet(text: string, terms: string[], width = 180): string {
  if (!text) return "";
  const pattern = terms.length ? new RegExp(`\\b(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})[\\w-]*`, "gi") : undefined;
  let start = 0;
  if (pattern) {
    const positions = [...text.matchAll(pattern)].map((m) => m.index!);
    let best = -1;
    for (const p of positions) {
      const count = positions.filter((q) => q >= p && q < p + width).length;
      if (count > best) {
        best = count;
        start = p;
      }
    }
    start = Math.max(0, start - 40);
    // Start at the beginning of a word, never inside one.
    const space = text.slice(0, start + 1).search(/\s\S*$/);
    start = start > 0 ? (space >= 0 ? space + 1 : 0) : 0;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    // End at the end of a word: the next space if it is near, else the last one before.
    const next = text.indexOf(" ", end);
    const last = text.lastIndexOf(" ", end);
    end = next >= 0 && next - end < 20 ? next : last > start ? last : end;
  }
  let out = text.slice(start, end);
  if (pattern) out = out.replace(pattern, (m) => `${MARK_START}${m}${MARK_END}`);
  return `${start > 0 ? "…" : ""}${out}${end < text.length ? "…" : ""}`;
}

/** The most a query may be: longer ones are refused on the command line and cut short in a screen. */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 12;
export const MAX_WORD_CHARS = 40;

/** Why a query is too big to search, or undefined. */
export function queryProblem(query: string): string | undefined {
  const words = query.split(/\s+/).filter(Boolean);
  if (query.length > MAX_QUERY_CHARS) return `a search is at most ${MAX_QUERY_CHARS} characters`;
  if (words.length > MAX_QUERY_WORDS) return `a search is at most ${MAX_QUERY_WORDS} words`;
  if (words.some((w) => w.length > MAX_WORD_CHARS)) return `a search word is at most ${MAX_WORD_CHARS} characters`;
  return undefined;
}

/** The query cut to the bounds above. */
export function boundQuery(query: string): string {
  return query
    .slice(0, MAX_QUERY_CHARS)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_QUERY_WORDS)
    .map((w) => w.slice(0, MAX_WORD_CHARS))
    .join(" ");
}

/**
 * What can be searched: results for a query and, if it keeps them, each document's plain text
 * (an index on disk does; otherwise the text is made again from the course).
 */
export interface Searchable {
  search(query: string, options?: SearchOptions): SearchResult[];
  text?(id: string): string | undefined;
}

export function search(index: Searchable, course: Course, query: string, limit = 10): Hit[] {
  const results = index.search(boundQuery(query)) as (SearchResult & Partial<SearchDoc>)[];
  const hits: Hit[] = [];
  for (const r of results.slice(0, limit)) {
    // Only the hits are turned back into text, for their snippets.
    const id = String(r.id);
    const kept = index.text?.(id);
    const doc: SearchDoc | undefined =
      kept !== undefined && r.kind ? { id, kind: r.kind, module: r.module, section: r.section, title: r.title ?? "", headings: "", text: kept } : documentById(course, id);
    if (!doc) continue; // the index is older than the course; should not happen with stamps
    hits.push({
      kind: doc.kind,
      ref: doc.id,
      module: doc.module ?? null,
      section: doc.section ?? null,
      title: doc.title,
      snippet: snippet(doc.display ?? doc.text, [...r.terms, ...r.queryTerms]),
      score: Math.round(r.score * 100) / 100,
      terms: [...r.terms].sort(),
    });
  }
  return hits;
}
