// `search`: interactive on a terminal (pick a hit, read it, come back); a list or JSON otherwise.
import { context } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import type { GlobalOptions } from "../options.js";
import { renderHits, unmarked } from "../render/search.js";
import { openIndex } from "../search/cache.js";
import { queryProblem, search } from "../search/engine.js";

export async function searchCommand(words: string[], opts: { json?: boolean; limit?: number }, g: GlobalOptions): Promise<number> {
  const query = words.join(" ").trim();
  if (!query) throw new UsageError("give words to search for, e.g. `api-architect search idempotency key`");
  const tooBig = queryProblem(query);
  if (tooBig) throw new UsageError(`${tooBig}; try fewer, shorter words`);
  const ctx = await context(g);
  if (!opts.json && ctx.term.interactive) {
    const { runScreens } = await import("../screens/routes.js");
    await runScreens(ctx, { to: "search", query }, "");
    return EXIT.ok;
  }
  const hits = search(openIndex(ctx.source), ctx.course, query, opts.limit ?? 10);
  if (opts.json) ctx.term.print(JSON.stringify(hits.map((h) => ({ kind: h.kind, module: h.module, section: h.section, title: h.title, ref: h.ref, snippet: unmarked(h.snippet), score: h.score })), null, 2));
  if (!hits.length) {
    ctx.term.warn(`nothing in the course matches "${query}"`);
    return EXIT.failure;
  }
  if (!opts.json) await ctx.term.page(renderHits(ctx.course, hits, ctx.term), { pager: g.pager, title: `Search: ${query}` });
  return EXIT.ok;
}
