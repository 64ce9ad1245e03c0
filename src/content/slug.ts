// Section and skill ids from their titles. Kept apart from markdown.ts so that commands which
// only need ids (status, roadmap) do not load the markdown lexer.
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/&[a-z]+;/g, " ")
    .replace(/[^a-z0-9\s-]/g, " ")
    .trim()
    .replace(/[\s-]+/g, "-");
}
