// Syntax highlighting is loaded only when there is colour to show: cli-highlight brings
// highlight.js and an HTML parser, which plain output never needs.
type Highlight = (code: string, options: { language: string; ignoreIllegals: boolean }) => string;
interface Highlighter {
  highlight: Highlight;
  supportsLanguage(name: string): boolean;
}

let highlighter: Highlighter | undefined;

export async function enableHighlighting(): Promise<void> {
  if (highlighter) return;
  // A CommonJS package: bundled, its functions sit on the namespace's default export.
  const mod = (await import("cli-highlight")) as unknown as Highlighter & { default?: Highlighter };
  // Bundled, its functions sit on the namespace; loaded by Node or vitest, on its default export.
  highlighter = typeof mod.supportsLanguage === "function" ? mod : mod.default!;
}

/** Highlights when enabled and the language is known; otherwise returns the code as it is. */
export function highlightCode(code: string, language: string): string {
  if (!highlighter || !language || language === "plaintext" || !highlighter.supportsLanguage(language)) return code;
  try {
    return highlighter.highlight(code, { language, ignoreIllegals: true });
  } catch {
    return code;
  }
}
