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

describe("snippets", () => {
  const words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega ".repeat(6);
  it("never start or end in the middle of a word", () => {
    for (const term of ["kappa", "omega", "sigma", "alpha"]) {
      const s = snippet(words, [term], 80).replace(new RegExp(`[${MARK_START}${MARK_END}]`, "g"), "");
      const body = s.replace(/^…/, "").replace(/…$/, "");
      expect(words.includes(body), s).toBe(true);
      const start = words.indexOf(body);
      expect(start === 0 || words[start - 1] === " ", s).toBe(true);
      const end = start + body.length;
      expect(end === words.length || words[end] === " ", s).toBe(true);
    }
  });
  it("read tables as sentences, and show only the question of a quiz hit", async () => {
    const { displayText } = await import("../../src/search/documents.js");
    expect(displayText("Codes:\n\n| Code | Meaning |\n| --- | --- |\n| 200 | OK |\n| 404 | Not found |\n\nDone.")).toBe("Codes: 200: OK. 404: Not found. Done.");
    expect(displayText("| Method | Safe | Idempotent |\n| --- | --- | --- |\n| GET | yes | yes |\n")).toBe("GET — Safe: yes; Idempotent: yes.");
    const quiz = documents(course).find((d) => d.id === "quiz:http-basics/get-safe")!;
    expect(quiz.display).toBe("Which method is safe?");
  });
});
