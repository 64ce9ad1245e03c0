// Search quality on the real course: for each query a learner might type, the place that teaches
// it must be in the top 3. The set mixes exact terms, synonyms, questions and misspellings.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCourse } from "../src/content/loader.js";
import { buildIndex, search } from "../src/search/engine.js";
import { REAL_CONTENT, ROOT } from "./helpers.js";

interface Query {
  query: string;
  expect: string;
  kind: "exact" | "synonym" | "question" | "typo";
}

const queries = JSON.parse(readFileSync(join(ROOT, "tests", "search-queries.json"), "utf8")) as Query[];
const course = loadCourse(REAL_CONTENT);
const index = buildIndex(course);

describe("search quality on the real course", () => {
  it("has at least 30 queries, with every kind represented", () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    for (const kind of ["exact", "synonym", "question", "typo"]) expect(queries.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(8);
  });

  it("puts the expected place in the top 3 for every query", () => {
    const misses = queries
      .map((q) => ({ q, top: search(index, course, q.query, 3).map((h) => h.ref) }))
      .filter(({ q, top }) => !top.includes(q.expect))
      .map(({ q, top }) => `${q.kind} "${q.query}": expected ${q.expect}, got ${top.join(", ") || "nothing"}`);
    expect(misses).toEqual([]);
  });
});

describe("the index on disk", () => {
  it("gives, reading only the terms a query can reach, the same results and scores as the whole index", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { writeIndex, readTermIndex, indexFor, openIndex } = await import("../src/search/cache.js");
    const dir = mkdtempSync(join(tmpdir(), "aa-index-"));
    try {
      writeIndex(dir, course, "abc123", index);
      const ti = readTermIndex(dir, "abc123")!;
      expect(ti).toBeDefined();
      const extra = ["idempotency key", "pagnation cursor", "jwt refresh token rotation", "n+1 query", "p99 latency", "x", "rate-limit", "OAUTH2 pkce"];
      // As the search command opens it: the index's own texts give the snippets.
      const opened = openIndex({ course, root: REAL_CONTENT, stamp: "abc123", cacheDirs: [dir] });
      expect(opened.text).toBeDefined();
      for (const query of [...queries.map((q) => q.query), ...extra]) {
        const partial = { search: (q: string) => indexFor(ti, q).search(q) };
        const whole = search(index, course, query, 10);
        expect(search(partial, course, query, 10)).toEqual(whole);
        expect(search(opened, course, query, 10)).toEqual(whole);
      }
      // A different content stamp, or a damaged file, is never used.
      expect(readTermIndex(dir, "other")).toBeUndefined();
      writeFileSync(join(dir, "search", "offsets.bin"), "garbage");
      expect(readTermIndex(dir, "abc123")).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
