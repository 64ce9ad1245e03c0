// Markdown tokens → terminal text. Rendering returns strings; output.ts prints them.
import chalk from "chalk";
import Table from "cli-table3";
import { highlight, supportsLanguage } from "cli-highlight";
import { Marked, type Token, type Tokens } from "marked";
import { markedTerminal } from "marked-terminal";
import wrapAnsi from "wrap-ansi";
import stringWidth from "string-width";
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
  const groups = codeGroups(tokens, [], []);
  const drop = new Set<number>();
  for (const g of groups) for (const b of g.blocks) if (b.stack !== stack) drop.add(b.index);
  return tokens.filter((_, i) => !drop.has(i));
}

function renderCode(token: Tokens.Code, o: RenderOptions): string {
  const info = parseInfo(token.lang);
  const label = [info.stack && STACK_LABELS[info.stack], info.title].filter(Boolean).join(" · ");
  const lang = HLJS_NAMES[info.lang] ?? info.lang;
  let body = token.text.replace(/\t/g, "  ");
  if (o.color && lang && lang !== "plaintext" && supportsLanguage(lang)) {
    try {
      body = highlight(body, { language: lang, ignoreIllegals: true });
    } catch {
      // An unhighlightable block is still readable as plain text.
    }
  }
  const bar = o.color ? chalk.dim("│ ") : "  ";
  const caption = label ? `${o.color ? chalk.dim(`┌ ${label}`) : `[${label}]`}\n` : "";
  return `${caption}${body.split("\n").map((l) => bar + l).join("\n")}\n\n`;
}

/** A table that fits the width: columns share the space, long cells wrap. */
function renderTable(this: { parser: { parseInline(t: Token[]): string } }, token: Tokens.Table, o: RenderOptions): string {
  const inline = (cell: Tokens.TableCell) => this.parser.parseInline(cell.tokens);
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
  const table = new Table({
    head,
    colWidths: widths.map((w) => w + 2),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: false },
    chars: o.color ? {} : { top: "-", "top-mid": "+", "top-left": "+", "top-right": "+", bottom: "-", "bottom-mid": "+", "bottom-left": "+", "bottom-right": "+", left: "|", "left-mid": "+", mid: "-", "mid-mid": "+", right: "|", "right-mid": "+", middle: "|" },
  });
  if (o.color) table.options.head = head.map((h) => chalk.bold(h));
  for (const r of rows) table.push(r);
  return `${table.toString()}\n\n`;
}

export function markdownRenderer(o: RenderOptions) {
  // marked-terminal styles with the shared chalk instance, so its level is the render's colour.
  if (!o.color) chalk.level = 0;
  else if (chalk.level === 0) chalk.level = 1;
  const m = new Marked({ gfm: true });
  m.use(
    markedTerminal(
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
    ),
  );
  m.use({
    renderer: {
      code: (token: Tokens.Code) => renderCode(token, o),
      table(token: Tokens.Table) {
        return renderTable.call(this as never, token, o);
      },
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        const where = o.describeLink?.(token.href);
        if (where) return `${o.color ? chalk.cyan(text) : text} ${o.color ? chalk.dim(`(${where})`) : `(${where})`}`;
        if (text === token.href) return o.color ? chalk.cyan(text) : text;
        return `${o.color ? chalk.cyan(text) : text} ${o.color ? chalk.dim(`<${token.href}>`) : `<${token.href}>`}`;
      },
    },
  });
  return (tokens: Token[]): string => {
    const list = selectStack(tokens, o.stack) as Token[] & { links?: unknown };
    list.links = {};
    const out = m.parser(list as never) as string;
    return tidy(out);
  };
}

/** Renders a markdown string (quiz prompts, explanations, FAQ answers). */
export function renderMarkdownText(markdown: string, o: RenderOptions): string {
  return markdownRenderer(o)(lex(markdown, 1).tokens);
}

/** Collapses runs of blank lines and trims the end, so screens have an even rhythm. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n").replace(/\s+$/, "") + "\n";
}

export function wrap(text: string, width: number): string {
  return wrapAnsi(text, width, { hard: true, trim: false });
}
