// Markdown → sections and example groups. Pure: no file access, no rendering.
import type * as MarkedModule from "marked";
import type { Token, Tokens } from "marked";
import { STACKS, type Stack } from "./model.js";
import { slugify } from "./slug.js";

const STACK_LANGS: Record<string, Stack> = {
  ts: "typescript",
  typescript: "typescript",
  python: "python",
  py: "python",
  php: "php",
  csharp: "csharp",
  cs: "csharp",
  "c#": "csharp",
};

export interface CodeInfo {
  lang: string;
  stack?: Stack;
  title?: string;
  /** A deliberately wrong design the lesson criticises: not checked against the contract. */
  counterexample?: boolean;
  /** The contract operation (operationId) a response-only `http` example belongs to. */
  operation?: string;
  problems: string[];
}

/** Reads a fence's info string: `ts title="src/app.ts"` or `text stack=python`. */
export function parseInfo(info: string | undefined): CodeInfo {
  const problems: string[] = [];
  const src = (info ?? "").trim();
  const lang = (src.match(/^\S*/)?.[0] ?? "").toLowerCase();
  const rest = src.slice(lang.length);
  const out: CodeInfo = { lang, problems };
  if (STACK_LANGS[lang]) out.stack = STACK_LANGS[lang];
  const attr = /\s*([a-z]+)(?:=(?:"([^"]*)"|(\S+)))?(?=\s|$)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = attr.exec(rest))) {
    consumed = attr.lastIndex;
    const [, key, quoted, bare] = m;
    const value = quoted ?? bare;
    if (value === undefined) {
      if (key === "counterexample") out.counterexample = true;
      else problems.push(`unknown code flag "${key}" (use counterexample, title=, stack= or operation=)`);
      continue;
    }
    if (key === "title") out.title = value;
    else if (key === "operation") out.operation = value;
    else if (key === "stack") {
      const stack = STACK_LANGS[value.toLowerCase()];
      if (stack) out.stack = stack;
      else problems.push(`unknown stack "${value}" (use ${STACKS.join(", ")})`);
    } else problems.push(`unknown code attribute "${key}" (use title=, stack=, operation= or counterexample)`);
  }
  if (rest.slice(consumed).trim()) problems.push(`cannot read the code fence's info string "${src}"`);
  return out;
}

export { slugify } from "./slug.js";

let markedModule: typeof MarkedModule | undefined;
/**
 * marked, loaded the first time markdown is lexed: loading it builds its whole grammar (~8 ms),
 * which printing a lesson the build has already lexed never needs. (A plain require, which the
 * bundle and the tests both resolve, because lexing is synchronous.)
 */
function marked(): typeof MarkedModule {
  return (markedModule ??= require("marked") as typeof MarkedModule);
}
const walkTokens: typeof MarkedModule.walkTokens = (tokens, callback) => marked().walkTokens(tokens, callback);

export interface RawSection {
  id: string;
  title: string;
  tokens: Token[];
  /** The line each of `tokens` starts on. */
  lines: number[];
  markdown: string;
  line: number;
}

export interface Problem {
  line: number;
  message: string;
}

const EXPLICIT_ID = /^(#{1,6}\s.*?)\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

/** Lexes markdown, remembering the line each top-level token starts on. */
export function lex(markdown: string, firstLine: number): { tokens: Token[]; lines: number[]; ids: Map<number, string> } {
  // `## Title {#id}` keeps an id stable across renames; strip the marker before marked sees it.
  const ids = new Map<number, string>();
  const source = markdown
    .split("\n")
    .map((line, i) => {
      const m = EXPLICIT_ID.exec(line);
      if (!m) return line;
      ids.set(firstLine + i, m[2]!);
      return m[1]!;
    })
    .join("\n");
  const tokens = new (marked().Lexer)({ gfm: true }).lex(source);
  const lines: number[] = [];
  let line = firstLine;
  for (const t of tokens) {
    lines.push(line);
    line += (t.raw.match(/\n/g) ?? []).length;
  }
  return { tokens, lines, ids };
}

/** Splits a lesson body into `##` sections. Text before the first `##` is a problem. */
export function splitSections(markdown: string, firstLine: number, problems: Problem[]): RawSection[] {
  const { tokens, lines, ids } = lex(markdown, firstLine);
  const sections: RawSection[] = [];
  tokens.forEach((t, i) => {
    const line = lines[i]!;
    if (t.type === "heading" && (t as Tokens.Heading).depth === 2) {
      const h = t as Tokens.Heading;
      sections.push({ id: ids.get(line) ?? slugify(h.text), title: h.text, tokens: [t], lines: [line], markdown: "", line });
    } else if (t.type === "heading" && (t as Tokens.Heading).depth === 1) {
      problems.push({ line, message: "use ## for sections (the module title comes from the front matter)" });
    } else if (sections.length === 0) {
      if (t.type !== "space") problems.push({ line, message: "text before the first ## section" });
    } else {
      sections.at(-1)!.tokens.push(t);
      sections.at(-1)!.lines.push(line);
    }
  });
  const seen = new Set<string>();
  for (const s of sections) {
    s.markdown = s.tokens.map((t) => t.raw).join("");
    if (!s.id) problems.push({ line: s.line, message: `section "${s.title}" has no usable id; add {#some-id}` });
    else if (seen.has(s.id)) problems.push({ line: s.line, message: `duplicate section id "${s.id}"` });
    seen.add(s.id);
  }
  if (sections.length === 0) problems.push({ line: firstLine, message: "a lesson needs at least one ## section" });
  return sections;
}

/** A run of consecutive stack code blocks: one example shown in the learner's stack. */
export interface CodeGroup {
  start: number;
  end: number;
  blocks: { index: number; stack: Stack }[];
}

/** Finds example groups among top-level tokens and reports malformed ones. */
export function codeGroups(tokens: Token[], lines: number[], problems: Problem[], checkNesting = true): CodeGroup[] {
  const groups: CodeGroup[] = [];
  let current: CodeGroup | undefined;
  const topLevel = new Set<Token>();
  tokens.forEach((t, i) => {
    if (t.type === "space") return;
    if (t.type === "code") {
      topLevel.add(t);
      const info = parseInfo((t as Tokens.Code).lang);
      for (const p of info.problems) problems.push({ line: lines[i] ?? 0, message: p });
      if (info.stack) {
        if (!current) groups.push((current = { start: i, end: i, blocks: [] }));
        current.end = i;
        current.blocks.push({ index: i, stack: info.stack });
        return;
      }
    }
    current = undefined;
  });
  for (const g of groups) {
    const line = lines[g.start] ?? 0;
    const have = g.blocks.map((b) => b.stack);
    const missing = STACKS.filter((s) => !have.includes(s));
    const twice = STACKS.filter((s) => have.filter((h) => h === s).length > 1);
    if (missing.length) problems.push({ line, message: `example has no ${missing.join(", ")} version (every example needs all four stacks)` });
    if (twice.length) problems.push({ line, message: `example has more than one ${twice.join(", ")} block` });
  }
  if (checkNesting) walkTokens(tokens, (t) => {
    if (t.type === "code" && !topLevel.has(t) && parseInfo((t as Tokens.Code).lang).stack) {
      problems.push({ line: lines[0] ?? 0, message: "stack code blocks must not be nested in a list or quote" });
    }
  });
  return groups;
}

/** Every link target of a token list, for cross-reference checks. */
export function links(tokens: Token[]): string[] {
  const out: string[] = [];
  walkTokens(tokens, (t) => {
    if (t.type === "link") out.push((t as Tokens.Link).href);
  });
  return out;
}

/** Every fenced code block, with its language, for the syntax check. */
export interface CodeBlock {
  info: string;
  lang: string;
  stack?: Stack;
  code: string;
  line: number;
}

export function codeBlocks(markdown: string, firstLine: number): CodeBlock[] {
  const { tokens, lines } = lex(markdown, firstLine);
  const out: CodeBlock[] = [];
  const visit = (list: Token[], line: number) =>
    walkTokens(list, (t) => {
      if (t.type === "code") {
        const info = parseInfo((t as Tokens.Code).lang);
        out.push({ info: (t as Tokens.Code).lang ?? "", lang: info.lang, stack: info.stack, code: (t as Tokens.Code).text, line });
      }
    });
  tokens.forEach((t, i) => visit([t], lines[i]!));
  return out;
}
