// Lab content: reference solutions and starters parse in their language, code lines fit 80
// columns, and the TypeScript reference solution is the reference server's own code.
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Language, Parser, type Node } from "web-tree-sitter";
import { codeBlocks } from "../../src/content/markdown.js";
import { REAL_CONTENT } from "../helpers.js";
import { realLabs } from "./harness.js";

const require = createRequire(import.meta.url);
const GRAMMARS = {
  typescript: "tree-sitter-typescript/tree-sitter-typescript.wasm",
  python: "tree-sitter-python/tree-sitter-python.wasm",
  php: "tree-sitter-php/tree-sitter-php.wasm",
  csharp: "tree-sitter-c-sharp/tree-sitter-c_sharp.wasm",
} as const;
type Lang = keyof typeof GRAMMARS;
const BY_EXT: Record<string, Lang> = { ts: "typescript", py: "python", php: "php", cs: "csharp" };
const BY_FENCE: Record<string, Lang> = { ts: "typescript", python: "python", php: "php", csharp: "csharp" };
const LABS = join(REAL_CONTENT, "labs");

const parsers = new Map<Lang, Parser>();
beforeAll(async () => {
  await Parser.init();
  for (const [name, file] of Object.entries(GRAMMARS)) {
    const p = new Parser();
    p.setLanguage(await Language.load(require.resolve(file)));
    parsers.set(name as Lang, p);
  }
});

function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) if (child?.hasError) return firstError(child) ?? child;
  return node.hasError ? node : undefined;
}

function syntaxError(lang: Lang, code: string): string | undefined {
  const source = lang === "php" && !code.trimStart().startsWith("<?php") ? `<?php\n${code}` : code;
  const bad = firstError(parsers.get(lang)!.parse(source)!.rootNode);
  return bad ? `line ${bad.startPosition.row + 1}: ${source.split("\n")[bad.startPosition.row]?.trim()}` : undefined;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

const wide = (file: string, code: string) =>
  code.split("\n").flatMap((l, i) => (l.length > 80 ? [`${file}:${i + 1}: ${l.length} columns`] : []));

describe("lab reference solutions (solution.md)", () => {
  const blocks = realLabs().flatMap((lab) => {
    const file = relative(REAL_CONTENT, lab.file.replace(/lab\.yaml$/, "solution.md"));
    return lab.solution.flatMap((s) => codeBlocks(s.markdown, s.line).map((b) => ({ ...b, file })));
  });

  it("every lab has a solution with code in all four stacks", () => {
    for (const lab of realLabs()) {
      const langs = new Set(lab.solution.flatMap((s) => codeBlocks(s.markdown, s.line).map((b) => b.lang)));
      expect([lab.id, [...langs].filter((l) => l in BY_FENCE).sort()]).toEqual([lab.id, ["csharp", "php", "python", "ts"]]);
    }
  });

  it("every block parses in its language and fits 80 columns and 60 lines", () => {
    const problems: string[] = [];
    for (const b of blocks) {
      const lang = BY_FENCE[b.lang];
      if (!lang) continue;
      const err = syntaxError(lang, b.code);
      if (err) problems.push(`${b.file}:${b.line}: ${lang} ${err}`);
      problems.push(...wide(`${b.file}:${b.line}`, b.code));
      if (b.code.split("\n").length > 60) problems.push(`${b.file}:${b.line}: ${b.code.split("\n").length} lines`);
    }
    expect(problems).toEqual([]);
  });

  it("every TypeScript block is code of the reference server, word for word", () => {
    const sources = files(join(LABS, "reference", "typescript", "src")).map((f) => readFileSync(f, "utf8"));
    const dedent = (s: string) => s.split("\n").map((l) => l.trim()).join("\n");
    const flat = sources.map(dedent);
    const missing = blocks.filter((b) => b.lang === "ts" && !flat.some((src) => src.includes(dedent(b.code))));
    expect(missing.map((b) => `${b.file}:${b.line}`)).toEqual([]);
  });
});

describe("starters and the reference server", () => {
  it("every source file parses and fits 80 columns", () => {
    const problems: string[] = [];
    for (const f of files(LABS)) {
      const lang = BY_EXT[f.split(".").pop()!];
      if (!lang) continue;
      const code = readFileSync(f, "utf8");
      const err = syntaxError(lang, code);
      if (err) problems.push(`${relative(LABS, f)}: ${err}`);
      problems.push(...wide(relative(LABS, f), code));
    }
    expect(problems).toEqual([]);
  });

  it("there is a starter for every stack", () => {
    expect(readdirSync(join(LABS, "starters")).sort()).toEqual(["csharp", "php", "python", "typescript"]);
  });
});
