// `explain <term>`: a short glossary entry and where the term is taught.
import { context } from "../context.js";
import type { GlossaryTerm } from "../content/model.js";
import { EXIT } from "../errors.js";
import { suggest } from "../learn/resolve.js";
import type { GlobalOptions } from "../options.js";
import { renderGlossary, renderTerm } from "../render/glossary.js";

/** Exact id, name or alias first; then a unique prefix. */
export function findTerm(glossary: GlossaryTerm[], input: string): GlossaryTerm | undefined {
  const key = input.trim().toLowerCase().replace(/\s+/g, " ");
  const names = (t: GlossaryTerm) => [t.id, t.term.toLowerCase(), ...t.aliases.map((a) => a.toLowerCase())];
  const exact = glossary.find((t) => names(t).includes(key) || names(t).includes(key.replace(/ /g, "-")));
  if (exact) return exact;
  const prefixed = glossary.filter((t) => names(t).some((n) => n.startsWith(key)));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export async function explain(words: string[], opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const glossary = ctx.course.glossary;
  const query = words.join(" ").trim();
  if (!query) {
    if (opts.json) ctx.term.print(JSON.stringify(glossary.map(({ id, term, aliases }) => ({ id, term, aliases })), null, 2));
    else await ctx.term.page(renderGlossary(glossary, ctx.term), { pager: g.pager, title: "Glossary" });
    return EXIT.ok;
  }
  const found = findTerm(glossary, query);
  if (!found) {
    // The same rule as faq and search: a message on stderr, exit 1, and valid JSON for tools.
    if (opts.json) ctx.term.print("null");
    const names = glossary.flatMap((t) => [t.id, ...t.aliases]);
    const near = suggest(query.replace(/\s+/g, "-"), names);
    const hint = near ? `; did you mean "${near}"?` : `; try \`api-architect search ${query}\``;
    ctx.term.warn(`the glossary has no entry for "${query}"${hint}`);
    return EXIT.failure;
  }
  if (opts.json) ctx.term.print(JSON.stringify(found, null, 2));
  else ctx.term.print(renderTerm(ctx.course, found, ctx.term));
  return EXIT.ok;
}
