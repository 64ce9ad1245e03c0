import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/content/loader.js";
import { documents, plainText } from "../../src/search/documents.js";
import { buildIndex, loadIndex, MARK_END, MARK_START, processQueryTerm, processTerm, search, snippet } from "../../src/search/engine.js";
import { findTerm } from "../../src/commands/explain.js";
import { FIXTURE } from "../helpers.js";

const course = loadCourse(FIXTURE);

describe("search documents", () => {
  it("turns sections, FAQ answers, quiz questions and stages into documents", () => {
    const ids = documents(course).map((d) => d.id);
    expect(ids).toContain("module:http-basics#handler");
    expect(ids).toContain("faq:what-is-ttl");
    expect(ids).toContain("quiz:http-basics/get-safe");
    expect(ids).toContain("stage:scale");
  });
  it("strips code and markup from the text", () => {
    expect(plainText("Use `GET`, **not** [POST](module:x).\n\n```ts\nconst secret = 1;\n```\n| a | b |")).toBe("Use GET, not POST. a b");
  });
  it("drops stop words and one-letter terms", () => {
    expect(processTerm("How")).toBeNull();
    expect(processTerm("x")).toBeNull();
    expect(processTerm("Cache")).toBe("cache");
    expect(processQueryTerm("charging")).toEqual(["charging", "charg"]);
    expect(processQueryTerm("n+1")).toBe("n+1");
    expect(processQueryTerm("the")).toBeNull();
  });
});

describe("searching", () => {
  const index = buildIndex(course);
  const refs = (q: string) => search(index, course, q).map((h) => h.ref);
  it("finds exact words, word starts and typos", () => {
    expect(refs("stale")[0]).toBe("module:caching-basics#stale");
    expect(refs("cach")).toContain("module:caching-basics#headers");
    expect(refs("hedaers")[0]).toBe("module:caching-basics#headers");
  });
  it("ranks a title match above a body match", () => {
    expect(refs("requests")[0]).toBe("module:http-basics#requests");
  });
  it("survives a round trip through JSON (the cached index)", () => {
    const again = loadIndex(JSON.stringify(index));
    expect(search(again, course, "stale").map((h) => h.ref)).toEqual(refs("stale"));
  });
  it("returns nothing for words the course does not use", () => {
    expect(refs("kubernetes")).toEqual([]);
  });
});

describe("snippets", () => {
  it("centres on the matches and marks them", () => {
    const text = `${"filler ".repeat(60)}the cache keeps a value until its TTL ends ${"more ".repeat(60)}`;
    const s = snippet(text, ["ttl"], 80);
    expect(s.startsWith("…")).toBe(true);
    expect(s).toContain(`${MARK_START}TTL${MARK_END}`);
    expect(s.length).toBeLessThan(110);
  });
});

describe("glossary lookup", () => {
  it("finds terms by id, name, alias and unique prefix", () => {
    expect(findTerm(course.glossary, "TTL")!.id).toBe("ttl");
    expect(findTerm(course.glossary, "time to live")!.id).toBe("ttl");
    expect(findTerm(course.glossary, "status")!.id).toBe("status-code");
    expect(findTerm(course.glossary, "status code")!.id).toBe("status-code");
    expect(findTerm(course.glossary, "nothing")).toBeUndefined();
  });
});
