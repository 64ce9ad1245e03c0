// The compiled course is the course: the same model (what it keeps for later is read on first
// use), and the same rendering from its lean pre-lexed tokens as from the sources.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadCourse } from "../../src/content/loader.js";
import { readCompiled } from "../../src/content/compiled.js";
import { lean, writeCompiled } from "../../src/content/write-compiled.js";
import { readFileSync } from "node:fs";
import type { Token } from "marked";
import { lex } from "../../src/content/markdown.js";
import { markdownRenderer } from "../../src/render/markdown.js";
import { enableHighlighting } from "../../src/render/highlight.js";
import type { Course } from "../../src/content/model.js";
import { renderFaq, renderLesson } from "../../src/render/lesson.js";
import type { Look } from "../../src/render/lesson.js";
import { cleanup, FIXTURE, REAL_CONTENT, ROOT, tempDir } from "../helpers.js";

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => cleanup(dir));

const term = (width: number, color: boolean): Look => ({ width, color });
/** The model as plain data, paths and compile-only fields aside. */
const plain = (c: Course) => JSON.parse(JSON.stringify({ ...c, dir: "" }, (k, v) => (k === "file" || k === "lexed" ? undefined : v)));

describe.each([["the real course", REAL_CONTENT], ["the fixture", FIXTURE]])("compiling %s", (_name, root) => {
  it("reads back as the same course, lazily kept parts included", () => {
    const source = loadCourse(root);
    const out = join(dir, _name.replace(/ /g, "-"));
    writeCompiled(out, root, source, "stamp-1");
    const compiled = readCompiled(out, root, "stamp-1")!;
    expect(compiled).toBeDefined();
    expect(plain(compiled)).toEqual(plain(source));
    expect(readCompiled(out, root, "another-stamp")).toBeUndefined();
  });

  it("renders every lesson and FAQ answer as the sources do, in every stack, width and colour", () => {
    const source = loadCourse(root);
    const out = join(dir, `${_name.replace(/ /g, "-")}-render`);
    writeCompiled(out, root, source, "stamp-2");
    const compiled = readCompiled(out, root, "stamp-2")!;
    for (const [width, color, stack] of [[80, false, "typescript"], [44, true, "all"], [100, false, "csharp"]] as const) {
      compiled.modules.forEach((m, i) => expect(renderLesson(compiled, m, term(width, color), stack)).toBe(renderLesson(source, source.modules[i]!, term(width, color), stack)));
      compiled.faq.forEach((f, i) => expect(renderFaq(compiled, f, term(width, color), stack)).toBe(renderFaq(source, source.faq[i]!, term(width, color), stack)));
    }
  });
});

describe("lean tokens", () => {
  it("render awkward markdown (images, html, task lists, quotes, breaks) as the lexer's full tokens do", async () => {
    await enableHighlighting();
    const docs = readFileSync(join(ROOT, "tests", "fixtures", "markdown", "awkward.md"), "utf8").split("\n=====\n");
    for (const color of [false, true]) {
      const render = markdownRenderer({ width: 50, color, stack: "all" });
      for (const md of docs) {
        const { tokens } = lex(md, 1);
        expect(render(lean(tokens) as Token[])).toBe(render(tokens));
      }
    }
  });
});
