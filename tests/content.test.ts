// The real course: it validates, and every code block parses with a real parser for its language.
import { beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { Language, Parser, type Node } from "web-tree-sitter";
import { loadCourseFrom } from "../src/content/loader.js";
import { codeBlocks, type CodeBlock } from "../src/content/markdown.js";
import type { Course } from "../src/content/model.js";
import { REAL_CONTENT } from "./helpers.js";

const require = createRequire(import.meta.url);
const GRAMMARS: Record<string, string> = {
  typescript: "tree-sitter-typescript/tree-sitter-typescript.wasm",
  python: "tree-sitter-python/tree-sitter-python.wasm",
  php: "tree-sitter-php/tree-sitter-php.wasm",
  csharp: "tree-sitter-c-sharp/tree-sitter-c_sharp.wasm",
};
const LANG_OF: Record<string, keyof typeof GRAMMARS> = { ts: "typescript", typescript: "typescript", python: "python", py: "python", php: "php", csharp: "csharp", cs: "csharp" };

const { course, problems, lint } = loadCourseFrom(REAL_CONTENT);

describe("the real course", () => {
  it("validates with no problems", () => {
    expect(problems).toEqual([]);
  });

  it("meets the house standard: code widths, the contract, quiz code groups", () => {
    expect(lint).toEqual([]);
  });

  it("has a contract that is valid OpenAPI 3.1", async () => {
    if (!course!.contract) return expect(course!.contract).toBeUndefined();
    const { validateOpenApi } = await import("../src/content/openapi-doc.js");
    expect(await validateOpenApi(join(REAL_CONTENT, course!.contract))).toEqual([]);
  });

  it("has module 01, the six roadmap stages and FAQ entries", () => {
    expect(course!.modules[0]!.id).toBe("api-fundamentals");
    expect(course!.stages.map((s) => s.id)).toEqual(["fundamentals", "backend", "security", "distributed", "devops", "system-design"]);
    expect(course!.faq.length).toBeGreaterThanOrEqual(3);
  });
});

interface Located extends CodeBlock {
  file: string;
}

function allBlocks(c: Course): Located[] {
  const out: Located[] = [];
  const rel = (f: string) => relative(REAL_CONTENT, f);
  for (const m of c.modules) {
    for (const s of m.sections) for (const b of codeBlocks(s.markdown, s.line)) out.push({ ...b, file: rel(m.file) });
    for (const q of m.quiz) for (const b of [...codeBlocks(q.prompt, 1), ...codeBlocks(q.code ?? "", 1)]) out.push({ ...b, file: `${rel(m.file).replace(/lesson\.md$/, "quiz.yaml")} (question ${q.id})` });
  }
  for (const r of c.references) for (const s of r.sections) for (const b of codeBlocks(s.markdown, s.line)) out.push({ ...b, file: rel(r.file) });
  for (const f of c.faq) for (const b of codeBlocks(f.markdown, f.bodyLine)) out.push({ ...b, file: rel(f.file) });
  return out;
}

function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child && child.hasError) return firstError(child) ?? child;
  }
  return node.hasError ? node : undefined;
}

describe("code in the course parses", () => {
  const parsers = new Map<string, Parser>();
  beforeAll(async () => {
    await Parser.init();
    for (const [name, file] of Object.entries(GRAMMARS)) {
      const p = new Parser();
      p.setLanguage(await Language.load(require.resolve(file)));
      parsers.set(name, p);
    }
  });

  it("every TypeScript, Python, PHP and C# block is free of syntax errors", () => {
    const blocks = allBlocks(course!).filter((b) => LANG_OF[b.lang]);
    expect(blocks.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const b of blocks) {
      const lang = LANG_OF[b.lang]!;
      // PHP code is text until `<?php`; fragments may leave it out.
      const source = lang === "php" && !b.code.trimStart().startsWith("<?php") ? `<?php\n${b.code}` : b.code;
      const offset = source === b.code ? 0 : 1;
      const tree = parsers.get(lang)!.parse(source)!;
      const bad = firstError(tree.rootNode);
      if (bad) {
        const line = bad.startPosition.row - offset + 1;
        const text = source.split("\n")[bad.startPosition.row]?.trim() ?? "";
        failures.push(`${b.file}:${b.line}: ${lang} block, its line ${line}: syntax error near: ${text.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("the parser really rejects broken code", () => {
    expect(parsers.get("csharp")!.parse("public class A { void F( { }")!.rootNode.hasError).toBe(true);
    expect(parsers.get("python")!.parse("def f(:\n  pass")!.rootNode.hasError).toBe(true);
    expect(parsers.get("php")!.parse("<?php function ( {")!.rootNode.hasError).toBe(true);
    expect(parsers.get("typescript")!.parse("const = ;")!.rootNode.hasError).toBe(true);
  });
});
