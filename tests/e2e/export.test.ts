// `export`: every module of the real course, exported to Markdown by the built binary, must parse
// with marked, keep the source's section headings and code fences (cut to the chosen stack), link
// only to anchors that exist, and carry no terminal escape codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Lexer, type Token, type Tokens } from "marked";
import { loadCourse } from "../../src/content/loader.js";
import { lex, parseInfo } from "../../src/content/markdown.js";
import type { Course } from "../../src/content/model.js";
import { cleanup, cli, REAL_CONTENT, tempDir, testEnv } from "../helpers.js";

let dir: string;
let env: NodeJS.ProcessEnv;
let course: Course;
beforeAll(() => {
  dir = tempDir();
  env = testEnv(dir, { API_ARCHITECT_CONTENT: REAL_CONTENT });
  course = loadCourse(REAL_CONTENT);
});
afterAll(() => cleanup(dir));

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** Headings of depth 2 and top-level code fences, as marked sees a document. */
function outline(markdown: string) {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const h2 = tokens.filter((t): t is Tokens.Heading => t.type === "heading" && (t as Tokens.Heading).depth === 2).map((t) => t.text);
  const code = tokens.filter((t): t is Tokens.Code => t.type === "code").map((t) => parseInfo(t.lang).lang);
  return { tokens, h2, code };
}

function anchorsAndLinks(markdown: string) {
  const anchors = new Set([...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
  const links = [...markdown.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
  return { anchors, links };
}

describe("export <module>", () => {
  it.each(["all", "python", "csharp"])("every module with --stack %s: headings and fences match the source", (stack) => {
    for (const m of course.modules) {
      const r = cli(["export", String(m.number), "--stack", stack], env);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).not.toMatch(CONTROL);
      const out = outline(r.stdout);
      expect(out.h2).toEqual(m.sections.map((s) => lex(s.markdown, s.line).tokens.find((t): t is Tokens.Heading => t.type === "heading")!.text));
      // The source's top-level fences, less the other stacks' blocks when one stack is chosen.
      const source = m.sections.flatMap((s) => lex(s.markdown, s.line).tokens.filter((t): t is Tokens.Code => t.type === "code").map((t) => parseInfo(t.lang)));
      const expected = source.filter((i) => stack === "all" || !i.stack || i.stack === stack).map((i) => i.lang);
      expect(out.code).toEqual(expected);
      expect(r.stdout.startsWith(`<a id="module-${m.id}"></a>`)).toBe(true);
      const { anchors, links } = anchorsAndLinks(r.stdout);
      for (const l of links) expect(anchors.has(l), `${m.id}: link to #${l}`).toBe(true);
      expect(r.stdout).not.toMatch(/\]\((module|faq|stage|ref):/);
    }
  });

  it("--quiz adds the questions, then the answers with every explanation", () => {
    const m = course.modules[0]!;
    const r = cli(["export", m.id, "--quiz", "--stack", "typescript"], env);
    expect(r.status).toBe(0);
    const out = outline(r.stdout);
    expect(out.h2.slice(-2)).toEqual(["Quiz", "Answers"]);
    const quiz = r.stdout.slice(r.stdout.indexOf("## Quiz"), r.stdout.indexOf("## Answers"));
    const answers = r.stdout.slice(r.stdout.indexOf("## Answers"));
    expect(quiz.match(/^\*\*\d+\.\*\* /gm)).toHaveLength(m.quiz.length);
    expect(answers.match(/^\*\*\d+\.\*\* [A-D]\. /gm)).toHaveLength(m.quiz.length);
    // The right answer is not always in the same place.
    expect(new Set([...answers.matchAll(/^\*\*\d+\.\*\* ([A-D])\./gm)].map((x) => x[1])).size).toBeGreaterThan(1);
    for (const q of m.quiz) for (const o of q.options) expect(r.stdout).toContain(o.text.replace(/\n+/g, " ").slice(0, 40));
  });
});

describe("export faq, roadmap, all", () => {
  it("all: one document with every module, the FAQ and the roadmap; every course link is an anchor in it", () => {
    const file = join(dir, "course.md");
    const r = cli(["export", "all", "--quiz", "-o", file], env);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`Wrote ${file}`);
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(CONTROL);
    const h1 = (new Lexer({ gfm: true }).lex(text) as Token[]).filter((t) => t.type === "heading" && (t as Tokens.Heading).depth === 1).map((t) => (t as Tokens.Heading).text);
    for (const m of course.modules) expect(h1).toContain(`Module ${String(m.number).padStart(2, "0")} · ${m.title}`);
    expect(h1).toContain("Frequently asked questions");
    expect(h1).toContain("Roadmap");
    const { anchors, links } = anchorsAndLinks(text);
    expect(links.length).toBeGreaterThan(50);
    for (const l of links) expect(anchors.has(l), `link to #${l}`).toBe(true);
    expect(text).not.toMatch(/\(`api-architect (learn|faq)/); // everything is in the document
  });

  it("faq and roadmap to stdout", () => {
    const faq = cli(["export", "faq"], env);
    expect(outline(faq.stdout).h2).toEqual(course.faq.map((f) => f.question));
    const roadmap = cli(["export", "roadmap", "-o", "-"], env);
    expect(outline(roadmap.stdout).h2.filter((h) => h.startsWith("Stage "))).toHaveLength(course.stages.length);
  });

  it("a bad module or stack is a usage error; an unwritable file a one-line failure", () => {
    expect(cli(["export", "nope"], env).status).toBe(2);
    expect(cli(["export", "1", "--stack", "cobol"], env).status).toBe(2);
    const r = cli(["export", "1", "-o", join(dir, "no", "such", "folder", "x.md")], env);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("its folder does not exist");
  });
});
