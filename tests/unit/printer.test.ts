// The renderer prints tokens with its own copy of marked's parser loop (so that printing a lesson
// need not load marked). It must print exactly what marked's parser prints with the same
// renderers: every block of the real course and the fixture, and a file of awkward markdown
// (html, images, task lists, quotes, hard breaks, control characters, setext headings...).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Marked, type Token } from "marked";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../../src/content/loader.js";
import { lex } from "../../src/content/markdown.js";
import { enableHighlighting } from "../../src/render/highlight.js";
import { linkDescriber } from "../../src/render/lesson.js";
import { markdownLayout, markdownRenderer, terminalPrinter, terminalRenderers, type BlockMeta, type RenderOptions } from "../../src/render/markdown.js";
import { FIXTURE, REAL_CONTENT, ROOT } from "../helpers.js";

function documents(): { name: string; tokens: Token[] }[] {
  const docs: { name: string; tokens: Token[] }[] = [];
  for (const root of [FIXTURE, REAL_CONTENT]) {
    const course = loadCourse(root);
    for (const m of course.modules) for (const s of m.sections) docs.push({ name: `${m.id}#${s.id}`, tokens: lex(s.markdown, s.line).tokens });
    for (const f of course.faq) docs.push({ name: `faq:${f.id}`, tokens: lex(f.markdown, f.bodyLine).tokens });
    for (const m of course.modules) for (const q of m.quiz) docs.push({ name: `${m.id}/${q.id}`, tokens: lex([q.prompt, ...q.options.map((x) => x.explain)].join("\n\n"), 1).tokens });
  }
  const awkward = readFileSync(join(ROOT, "tests", "fixtures", "markdown", "awkward.md"), "utf8").split("\n=====\n");
  awkward.forEach((md, i) => docs.push({ name: `awkward ${i}`, tokens: lex(md, 1).tokens }));
  return docs;
}

describe("printing tokens", () => {
  it("prints every block exactly as marked's parser does with the same renderers", async () => {
    await enableHighlighting();
    const course = loadCourse(FIXTURE);
    const docs = documents();
    let blocks = 0;
    for (const color of [false, true]) {
      for (const width of [28, 80]) {
        const o: RenderOptions = { width, color, stack: "all", describeLink: linkDescriber(course) };
        const { printer, meta } = terminalPrinter(o);
        const markedMeta: BlockMeta = {};
        const { terminal, ours } = terminalRenderers(o, markedMeta);
        const marked = new Marked({ gfm: true });
        marked.use({ renderer: terminal as never });
        marked.use({ renderer: ours as never });
        for (const doc of docs) {
          for (const token of doc.tokens) {
            const expected = marked.parser([token]);
            const expectedMeta = { ...markedMeta };
            expect(printer.parse([token]), `${doc.name}, a ${token.type}, ${width} columns, colour ${color}`).toBe(expected);
            expect({ ...meta }, `${doc.name}, a ${token.type}`).toEqual(expectedMeta);
            blocks++;
          }
        }
      }
    }
    expect(blocks).toBeGreaterThan(20_000);
  });

  it("prints the same text whole (for --plain and pipes) as the reader's lines hold", () => {
    const course = loadCourse(FIXTURE);
    for (const stack of ["typescript", "all"] as const) {
      const o: RenderOptions = { width: 60, color: true, stack, describeLink: linkDescriber(course) };
      const [whole, layout] = [markdownRenderer(o), markdownLayout(o)];
      for (const doc of documents()) expect(whole(doc.tokens), doc.name).toBe(`${layout(doc.tokens).map((l) => l.text).join("\n")}\n`);
    }
  });

  it("refuses a token it does not know, as marked does", () => {
    const { printer } = terminalPrinter({ width: 80, color: false, stack: "all" });
    expect(() => printer.parse([{ type: "mystery", raw: "" } as never])).toThrow('Token with "mystery" type was not found.');
  });
});
