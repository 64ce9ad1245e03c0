// The course's house style, checked by the loader: code fits the terminal, one stack's block fits
// a screen or two, and a section is not a wall of prose. Pure: tokens in, problems out.
import type { Token, Tokens } from "marked";
import stringWidth from "fast-string-width";
import { parseInfo, type Problem } from "./markdown.js";

export interface StylePolicy {
  maxCodeColumns?: number;
  maxStackBlockLines?: number;
  maxSectionWords?: number;
}

/** Code blocks anywhere in the tokens (also inside lists and quotes), with their first line. */
function visitCode(tokens: Token[], lines: number[], visit: (code: Tokens.Code, line: number) => void) {
  const walk = (list: Token[], line: number) => {
    for (const t of list) {
      if (t.type === "code") visit(t as Tokens.Code, line);
      const children = (t as { tokens?: Token[]; items?: Token[] }).tokens ?? (t as { items?: Token[] }).items;
      if (children) walk(children, line);
    }
  };
  tokens.forEach((t, i) => walk([t], lines[i] ?? 0));
}

/** Words a learner reads as prose: paragraphs, lists and quotes (not code, not tables). */
export function proseWords(tokens: Token[]): number {
  let words = 0;
  const count = (text: string) => (words += text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length);
  for (const t of tokens) {
    if (t.type === "paragraph" || t.type === "blockquote") count((t as Tokens.Paragraph).text);
    else if (t.type === "list") for (const item of (t as Tokens.List).items) count(item.text.replace(/```[\s\S]*?```/g, ""));
  }
  return words;
}

export function checkStyle(tokens: Token[], lines: number[], policy: StylePolicy, problems: Problem[], warnings: Problem[], sectionLine?: number): void {
  visitCode(tokens, lines, (code, line) => {
    const body = code.text.split("\n");
    const info = parseInfo(code.lang);
    if (policy.maxCodeColumns) {
      body.forEach((l, i) => {
        const width = stringWidth(l.replace(/\t/g, "  "));
        if (width > policy.maxCodeColumns!) problems.push({ line: line + 1 + i, message: `code line is ${width} columns wide; the course allows ${policy.maxCodeColumns} (the reader adds a 2-column gutter)` });
      });
    }
    if (policy.maxStackBlockLines && info.stack && body.length > policy.maxStackBlockLines) {
      problems.push({ line, message: `${info.stack} block has ${body.length} lines; the course allows ${policy.maxStackBlockLines} (split or trim it)` });
    }
  });
  if (policy.maxSectionWords && sectionLine !== undefined) {
    const words = proseWords(tokens);
    if (words > policy.maxSectionWords) warnings.push({ line: sectionLine, message: `section has ${words} words of prose; keep it under about ${policy.maxSectionWords} (split it)` });
  }
}
