// Stand-in for cli-highlight inside marked-terminal, whose code renderer we replace (see
// markdown.ts); the real one is loaded on demand by highlight.ts.
export function highlight(code) {
  return code;
}
