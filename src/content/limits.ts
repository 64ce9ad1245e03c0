// Shapes of text that the parsers cannot take: marked recurses once per nested quote or list (50,000
// nested quotes overflow the stack, 1,000 nested list items take half a minute) and its inline
// pass is quadratic in the length of a paragraph; yaml recurses once per nested collection. These
// checks run on the source text before a parser sees it, in one linear pass, so a hostile file is
// a content error naming the file and the limit, not a crash or a hang. Pure.

/** Nested quotes and list items in markdown; real lessons use three or four. */
export const MAX_MARKDOWN_NESTING = 16;
/** One paragraph, list or table (a run of non-blank lines outside fenced code); real ones stay under 3 KB. */
export const MAX_BLOCK_CHARS = 8 * 1024;
/** Nested YAML collections; course files use five or six. */
export const MAX_YAML_NESTING = 64;

const CONTAINER = /^ {0,3}(?:>\s?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/;
const FENCE = /^(`{3,}|~{3,})/;

function indentWidth(line: string): number {
  let w = 0;
  for (const c of line) {
    if (c === " ") w++;
    else if (c === "\t") w += 4 - (w % 4);
    else break;
  }
  return w;
}

/** Why this markdown is refused, with the line (1-based, from `firstLine`), or undefined. */
export function markdownLimitProblem(markdown: string, firstLine = 1): { line: number; message: string } | undefined {
  const lines = markdown.split("\n");
  let fence: string | undefined;
  let blockChars = 0;
  let blockStart = 0;
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i]!;
    let depth = 0;
    for (let m = CONTAINER.exec(rest); m && depth <= MAX_MARKDOWN_NESTING; m = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    const body = rest.trimStart();
    if (fence) {
      const close = /^(`{3,}|~{3,})\s*$/.exec(body);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    const opened = FENCE.exec(body);
    if (opened) {
      fence = opened[1]!;
      blockChars = 0;
      continue;
    }
    // Indentation nests lists too: two columns a level.
    depth += Math.floor(indentWidth(rest) / 2);
    if (depth > MAX_MARKDOWN_NESTING) {
      return { line: firstLine + i, message: `nests quotes, lists or indentation more than ${MAX_MARKDOWN_NESTING} levels deep (the limit)` };
    }
    if (!body) {
      blockChars = 0;
      continue;
    }
    if (blockChars === 0) blockStart = i;
    blockChars += lines[i]!.length + 1;
    if (blockChars > MAX_BLOCK_CHARS) {
      return { line: firstLine + blockStart, message: `has a paragraph, list or table longer than ${MAX_BLOCK_CHARS / 1024} KiB (the limit); split it with blank lines` };
    }
  }
  return undefined;
}

/**
 * How deeply a YAML text nests its collections, over-estimated rather than under: flow brackets
 * outside quotes, plus block indentation levels and `- ` markers. Stops counting past the limit.
 */
export function yamlLimitProblem(source: string): { line: number; message: string } | undefined {
  const indents: number[] = [];
  let flow = 0;
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trimStart();
    if (!trimmed || trimmed.startsWith("#")) continue;
    if (flow === 0) {
      const indent = line.length - trimmed.length;
      while (indents.length && indents.at(-1)! >= indent) indents.pop();
      indents.push(indent);
    }
    let dashes = 0;
    for (let rest = trimmed; /^-(\s|$)/.test(rest); rest = rest.slice(1).trimStart()) dashes++;
    let quote: string | undefined;
    for (let j = 0; j < line.length; j++) {
      const c = line[j]!;
      if (quote) {
        if (c === "\\" && quote === '"') j++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") {
        // A quote opens a quoted scalar only at the start of a value; elsewhere it is text.
        if (j === 0 || /[\s[{,:]/.test(line[j - 1]!)) quote = c;
      } else if (c === "#" && (j === 0 || /\s/.test(line[j - 1]!))) break;
      else if (c === "[" || c === "{") flow++;
      else if ((c === "]" || c === "}") && flow > 0) flow--;
      if (flow + indents.length + dashes > MAX_YAML_NESTING) {
        return { line: i + 1, message: `nests lists and maps more than ${MAX_YAML_NESTING} levels deep (the limit)` };
      }
    }
    if (indents.length + dashes > MAX_YAML_NESTING) {
      return { line: i + 1, message: `nests lists and maps more than ${MAX_YAML_NESTING} levels deep (the limit)` };
    }
  }
  return undefined;
}
