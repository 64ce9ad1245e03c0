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

describe("the cached index", () => {
  it("loads from both of its forms with the same results as a fresh build", async () => {
    const { mkdtempSync, rmSync, writeFileSync, readFileSync: read } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { writeIndex, readFastIndex, readJsonIndex, FAST_FORMAT } = await import("../src/search/cache.js");
    const dir = mkdtempSync(join(tmpdir(), "aa-index-"));
    try {
      writeIndex(dir, course, "abc123", index);
      const fast = readFastIndex(dir, "abc123")!;
      const json = readJsonIndex(dir, "abc123")!;
      expect(fast).toBeDefined();
      expect(json).toBeDefined();
      for (const q of queries) {
        const fresh = search(index, course, q.query, 5);
        expect(search(fast, course, q.query, 5)).toEqual(fresh);
        expect(search(json, course, q.query, 5)).toEqual(fresh);
      }
      // A different content stamp, or a damaged file, is never used.
      expect(readFastIndex(dir, "other")).toBeUndefined();
      expect(readJsonIndex(dir, "other")).toBeUndefined();
      writeFileSync(join(dir, "search.bin"), "garbage");
      expect(readFastIndex(dir, "abc123")).toBeUndefined();
      // search.bin captures minisearch's internals: it is tied to the pinned version.
      const installed = JSON.parse(read(join(ROOT, "node_modules", "minisearch", "package.json"), "utf8")).version;
      expect(FAST_FORMAT.startsWith(`minisearch@${installed}/`)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
