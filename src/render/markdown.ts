// Markdown tokens → terminal text. Rendering returns strings; output.ts prints them.
import chalk from "chalk";
import { highlightCode } from "./highlight.js";
import type { Token, Tokens } from "marked";
import { markedTerminal } from "marked-terminal";
import { wrapAnsi } from "fast-wrap-ansi";
import { fit, textWidth as stringWidth, wrap } from "./text.js";
import { codeGroups, lex, parseInfo } from "../content/markdown.js";
import { STACK_LABELS, type Stack } from "../content/model.js";

export type StackChoice = Stack | "all";

export interface RenderOptions {
  width: number;
  color: boolean;
  stack: StackChoice;
  /** Describes a `module:`/`faq:`/`stage:` link for the reader, e.g. "learn 2 › Layers". */
  describeLink?: (href: string) => string | undefined;
}

const HLJS_NAMES: Record<string, string> = { ts: "typescript", py: "python", cs: "csharp", "c#": "csharp", sh: "bash", shell: "bash", console: "bash", yml: "yaml", html: "xml", text: "plaintext" };

/** Keeps, in each example group, only the chosen stack's block (all of them for "all"). */
export function selectStack(tokens: Token[], stack: StackChoice): Token[] {
  if (stack === "all") return tokens;
  const groups = codeGroups(tokens, [], [], false);
  const drop = new Set<number>();
  for (const g of groups) for (const b of g.blocks) if (b.stack !== stack) drop.add(b.index);
  return tokens.filter((_, i) => !drop.has(i));
}

/** What the last top-level block rendered was, for the layout: a code caption or a table head. */
export interface BlockMeta {
  caption?: string;
  headLines?: number;
}

// Wrapped code lines continue after this mark, inside the gutter, so a reader sees the break.
export const CONTINUATION = "↪ ";

function renderCode(token: Tokens.Code, o: RenderOptions, meta: BlockMeta): string {
  const info = parseInfo(token.lang);
  const label = [info.stack && STACK_LABELS[info.stack], info.title].filter(Boolean).join(" · ");
  const lang = HLJS_NAMES[info.lang] ?? info.lang;
  let body = token.text.replace(/\t/g, "  ");
  if (o.color) body = highlightCode(body, lang);
  const bar = o.color ? chalk.dim("│ ") : "  ";
  const mark = o.color ? chalk.dim(CONTINUATION) : CONTINUATION;
  const room = Math.max(10, o.width - 2);
  const lines: string[] = [];
  for (const line of body.split("\n")) {
    if (stringWidth(line) <= room) {
      lines.push(bar + line);
      continue;
    }
    // Too wide for the terminal: break it, and mark each continuation in the gutter.
    const parts = wrapAnsi(line, room - 2, { hard: true, trim: false }).split("\n");
    parts.forEach((part, i) => lines.push(bar + (i ? mark : "") + part));
  }
  // Captions are cut to the width: a long file path must not push the line past the edge.
  meta.caption = label ? (o.color ? chalk.dim(fit(`┌ ${label} (continued)`, o.width)) : fit(`[${label}, continued]`, o.width)) : undefined;
  const caption = label ? `${o.color ? chalk.dim(fit(`┌ ${label}`, o.width)) : fit(`[${label}]`, o.width)}\n` : "";
  return `${caption}${lines.join("\n")}\n\n`;
}

const BOX = {
  unicode: { h: "─", v: "│", tl: "┌", tm: "┬", tr: "┐", ml: "├", mm: "┼", mr: "┤", bl: "└", bm: "┴", br: "┘" },
  ascii: { h: "-", v: "|", tl: "+", tm: "+", tr: "+", ml: "+", mm: "+", mr: "+", bl: "+", bm: "+", br: "+" },
};

/**
 * A table that fits the width: columns share the space, long cells wrap, rows are ruled. Drawn
 * here rather than with cli-table3, whose span-aware layout cost more than the rest of a lesson.
 */
function renderTable(parser: Parser, token: Tokens.Table, o: RenderOptions, meta: BlockMeta): string {
  const inline = (cell: Tokens.TableCell) => unprotect(parser.parseInline(cell.tokens));
  const head = token.header.map(inline);
  const rows = token.rows.map((r) => r.map(inline));
  const cols = head.length;
  const natural = head.map((h, c) => Math.max(stringWidth(h), ...rows.map((r) => Math.max(...(r[c] ?? "").split("\n").map((l) => stringWidth(l))))));
  const available = o.width - (cols + 1) - cols * 2; // borders and padding
  const widths = natural.slice();
  while (widths.reduce((a, b) => a + b, 0) > available) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 8) break;
    widths[widest]!--;
  }
  const b = o.color ? BOX.unicode : BOX.ascii;
  const rule = (l: string, m: string, r: string) => (o.color ? chalk.dim : (x: string) => x)(l + widths.map((w) => b.h.repeat(w + 2)).join(m) + r);
  const bar = o.color ? chalk.dim(b.v) : b.v;
  const line = (cells: string[], bold: boolean) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!).split("\n"));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let y = 0; y < height; y++) {
      const parts = wrapped.map((w, i) => {
        const text = w[y] ?? "";
        const padded = text + " ".repeat(Math.max(0, widths[i]! - stringWidth(text)));
        return ` ${bold && o.color ? chalk.bold(padded) : padded} `;
      });
      out.push(bar + parts.join(bar) + bar);
    }
    return out.join("\n");
  };
  const headRow = line(head, true);
  // The top rule, the head row(s) and the rule under them: repeated when a table continues.
  meta.headLines = headRow.split("\n").length + 2;
  const body = [rule(b.tl, b.tm, b.tr), headRow];
  for (const r of rows) body.push(rule(b.ml, b.mm, b.mr), line(head.map((_, i) => r[i] ?? ""), false));
  body.push(rule(b.bl, b.bm, b.br));
  return `${body.join("\n")}\n\n`;
}

export type Parser = { parse(t: Token[]): string; parseInline(t: Token[]): string };

/**
 * Lists, rendered by us: marked-terminal leaves inline markup raw in tight items and does not
 * wrap them. Items wrap to the width with a hanging indent; nested lists indent further.
 */
function renderList(parser: Parser, token: Tokens.List, width: number, o: RenderOptions): string {
  const start = typeof token.start === "number" ? token.start : 1;
  const items = token.items.map((item, i) => {
    const bullet = token.ordered ? `${start + i}. ` : "• ";
    const inner = Math.max(20, width - bullet.length);
    const parts: string[] = [];
    for (const child of item.tokens) {
      if (child.type === "text" || child.type === "paragraph") {
        const inline = "tokens" in child && child.tokens ? parser.parseInline(child.tokens as Token[]) : (child as Tokens.Text).text;
        // Source line breaks inside an item are soft: the item is re-flowed to the width.
        parts.push(wrap(unprotect(inline).replace(/\s*\n\s*/g, " "), inner));
      } else if (child.type === "list") {
        parts.push(renderList(parser, child as Tokens.List, inner - 2, o).trimEnd());
      } else if (child.type !== "space") {
        parts.push(parser.parse([child]).trimEnd());
      }
    }
    const text = parts.join(item.loose ? "\n\n" : "\n");
    const mark = item.task ? `${item.checked ? "[x]" : "[ ]"} ` : "";
    return text
      .split("\n")
      .map((l, n) => (n === 0 ? bullet + mark : " ".repeat(bullet.length)) + l)
      .join("\n");
  });
  return `${items.map((l) => l.replace(/^/gm, "  ")).join(token.loose ? "\n\n" : "\n")}\n\n`;
}

/** One rendered line, and where it came from, so screens can page, resize and repeat headings. */
export interface Line {
  text: string;
  /** The top-level block (paragraph, list, table, code...) it belongs to. */
  block: number;
  /** Visible characters of the block before this line: a position that survives re-wrapping. */
  offset: number;
  /** Lines to repeat above this one when its block began on an earlier page (a table's head, a code caption). */
  sticky?: string[];
  /** A rule between table rows: not needed right under a repeated head. */
  rule?: boolean;
  /** Continues the line above (a table row's second line, a wrapped code line): a page should not start here. */
  cont?: boolean;
}

// eslint-disable-next-line no-control-regex
const STYLE = /\u001b\[[0-9;]*m/g;
const visibleChars = (line: string) => line.replace(STYLE, "").replace(/\s+/g, "").length;

/** Markdown tokens → lines, block by block. */
export function markdownLayout(o: RenderOptions): (tokens: Token[]) => Line[] {
  const { printer, meta } = terminalPrinter(o);
  return (tokens) => {
    const out: Line[] = [];
    let block = 0;
    for (const { token, text } of printedBlocks(printer, meta, tokens, o.stack)) {
      if (out.length) out.push({ text: "", block: block - 1, offset: Number.MAX_SAFE_INTEGER });
      let offset = 0;
      const lines = text.split("\n");
      const headLines = token.type === "table" ? meta.headLines : undefined;
      const caption = token.type === "code" ? meta.caption : undefined;
      // A code block's caption (when it has one) is its first line; a table's head is its first lines.
      const stickyFrom = headLines ?? (caption ? 1 : Infinity);
      const sticky = headLines ? lines.slice(0, headLines) : caption ? [caption] : undefined;
      const plain = lines.map((l) => l.replace(STYLE, ""));
      lines.forEach((l, i) => {
        const line: Line = { text: l, block, offset, ...(sticky && i >= stickyFrom ? { sticky } : {}) };
        if (headLines && i >= headLines) {
          if (/^[├└+]/.test(plain[i]!)) line.rule = true;
          else if (!/^[├┌└+]/.test(plain[i - 1]!)) line.cont = true;
        }
        if (token.type === "code" && /^(│ | {2})↪ /.test(plain[i]!)) line.cont = true;
        out.push(line);
        offset += visibleChars(l);
      });
      block++;
    }
    return out;
  };
}

/**
 * The top-level blocks of the chosen stack that show something, each with its text. `meta`
 * describes the block just yielded (its code caption or table head) until the next one.
 */
function* printedBlocks(printer: Parser, meta: BlockMeta, tokens: Token[], stack: StackChoice): Generator<{ token: Token; text: string }> {
  for (const token of selectStack(tokens, stack)) {
    if (token.type === "space") continue;
    delete meta.caption;
    delete meta.headLines;
    const text = tidy(printer.parse([token])).replace(/\n$/, "");
    if (text.trim()) yield { token, text };
  }
}

/** Markdown tokens → text: the layout's lines, without working out where each came from. */
export function markdownRenderer(o: RenderOptions): (tokens: Token[]) => string {
  const { printer, meta } = terminalPrinter(o);
  return (tokens) => `${Array.from(printedBlocks(printer, meta, tokens, o.stack), (b) => b.text).join("\n\n")}\n`;
}

/** A renderer as marked calls it: `this` is marked's renderer, which holds the parser and options. */
type Render = (this: { parser: Parser; options: { gfm: boolean } }, token: never) => string | false;

/**
 * The renderers a render uses, in the shape marked's `use()` takes: marked-terminal's, and ours
 * in front of them (an override that returns false falls back to marked-terminal's).
 */
export function terminalRenderers(o: RenderOptions, meta: BlockMeta = {}): { terminal: Record<string, Render>; ours: Record<string, Render> } {
  // marked-terminal styles with the shared chalk instance, so its level is the render's colour.
  if (!o.color) chalk.level = 0;
  else if (chalk.level === 0) chalk.level = 1;
  const terminal = markedTerminal(
    {
      width: o.width,
      reflowText: true,
      showSectionPrefix: false,
      emoji: false,
      tab: 2,
      heading: chalk.bold.cyan,
      firstHeading: chalk.bold.cyan,
      codespan: chalk.yellow,
      link: chalk.cyan,
      href: chalk.dim,
      blockquote: chalk.italic,
    },
    { ignoreIllegals: true },
  ).renderer as unknown as Record<string, Render>;
  const ours: Record<string, Render> = {
    code: (token: Tokens.Code) => renderCode(token, o, meta),
    list(token: Tokens.List) {
      return renderList(this.parser, token, o.width - 2, o);
    },
    paragraph(token: Tokens.Paragraph) {
      // Wrapped here rather than by marked-terminal, whose reflow breaks lines at colour codes.
      const inline = unprotect(this.parser.parseInline(token.tokens)).replace(/\s*\n\s*/g, " ");
      return `${wrap(inline, o.width)}\n\n`;
    },
    text(token: Tokens.Text | Tokens.Escape) {
      // Block-level text (tight list items) carries inline tokens marked-terminal would print raw.
      if ("tokens" in token && token.tokens) return this.parser.parseInline(token.tokens);
      return false;
    },
    table(token: Tokens.Table) {
      return renderTable(this.parser, token, o, meta);
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      const where = o.describeLink?.(token.href);
      if (where) return `${o.color ? chalk.cyan(text) : text} ${o.color ? chalk.dim(`(${where})`) : `(${where})`}`;
      if (text === token.href) return o.color ? chalk.cyan(text) : text;
      return `${o.color ? chalk.cyan(text) : text} ${o.color ? chalk.dim(`<${token.href}>`) : `<${token.href}>`}`;
    },
  };
  return { terminal, ours };
}

const BLOCK = new Set(["space", "hr", "heading", "code", "table", "blockquote", "list", "checkbox", "html", "def", "paragraph", "text"]);
const INLINE = new Set(["escape", "html", "link", "image", "checkbox", "strong", "em", "codespan", "br", "del", "text"]);

/**
 * Tokens → text: marked's own parser loop (marked/src/Parser.ts, v18) over the renderers above,
 * combined as marked's `use()` combines them. Kept here so that printing a lesson, whose tokens
 * the build lexed, never loads marked: building its grammar costs more than the rest of a first
 * view's rendering. tests/unit/printer.test.ts holds it to marked's output.
 */
export function terminalPrinter(o: RenderOptions): { printer: Parser; meta: BlockMeta } {
  const meta: BlockMeta = {};
  const { terminal, ours } = terminalRenderers(o, meta);
  const self = { options: { gfm: true }, parser: undefined as unknown as Parser };
  const render = (type: string, token: Token): string => {
    let out = ours[type] ? ours[type]!.call(self, token as never) : false;
    // marked's default renderer, under marked-terminal's, has only `def` left: it prints nothing.
    if (out === false) out = terminal[type] ? terminal[type]!.call(self, token as never) : "";
    return out === false ? "" : (out ?? "");
  };
  const missing = (token: Token): never => {
    throw new Error(`Token with "${token.type}" type was not found.`);
  };
  const printer: Parser = {
    parse(tokens) {
      let out = "";
      for (const token of tokens) out += BLOCK.has(token.type) ? render(token.type, token) : missing(token);
      return out;
    },
    parseInline(tokens) {
      let out = "";
      // An escape (\\*) is text to a renderer.
      for (const token of tokens) out += INLINE.has(token.type) ? render(token.type === "escape" ? "text" : token.type, token) : missing(token);
      return out;
    },
  };
  self.parser = printer;
  return { printer, meta };
}

/** Renders a markdown string (quiz prompts, explanations, FAQ answers). */
export function renderMarkdownText(markdown: string, o: RenderOptions): string {
  return markdownRenderer(o)(lex(markdown, 1).tokens);
}

// marked-terminal hides colons in code spans behind this marker and restores them only in its own
// renderers; text that passes through ours (lists, tables) needs them back.
const COLON_MARKER = /\*#COLON\|\*/g;
function unprotect(text: string): string {
  return text.replace(COLON_MARKER, ":");
}

/** Collapses runs of blank lines and trims the end, so screens have an even rhythm. */
function tidy(text: string): string {
  return unprotect(text).replace(/\n{3,}/g, "\n\n").replace(/\s+$/, "") + "\n";
}
