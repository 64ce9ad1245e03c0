// `progress`, and carrying it: export, import, reset.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { context } from "../context.js";
import { CliError, EXIT, UsageError } from "../errors.js";
import { progressReport } from "../learn/report.js";
import { changesAnything, describeMerge, exportDocument, merge, readExport } from "../learn/transfer.js";
import type { GlobalOptions } from "../options.js";
import { processIo, terminal, type Terminal } from "../output.js";
import { renderProgress } from "../render/progress.js";
import type { Store } from "../store/store.js";
import { openCourseStore } from "../courses/course-store.js";

/** For commands that need the store and the terminal but not the course. */
async function storeAndTerminal(g: GlobalOptions): Promise<{ store: Store; term: Terminal }> {
  const io = g.io ?? processIo();
  const store = await openCourseStore(io.env);
  return { store, term: terminal(g.color, store.read().settings.color ?? "auto", io) };
}

async function ask(term: Terminal, question: string, defaultYes: boolean, hint: string): Promise<boolean> {
  const { confirm } = await import("../screens/inline.js");
  return confirm(term, question, { default: defaultYes, hint });
}

export async function progress(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const report = progressReport(ctx.course, ctx.progress());
  if (opts.json) ctx.term.print(JSON.stringify(report, null, 2));
  else await ctx.term.page(renderProgress(ctx.course, report, ctx.store.path, ctx.term), { pager: g.pager, title: "Progress" });
  return EXIT.ok;
}

export async function reset(opts: { yes?: boolean }, g: GlobalOptions): Promise<number> {
  const { store, term } = await storeAndTerminal(g);
  if (!opts.yes) {
    const sure = await ask(term, "Forget every lesson position, answer and review card? Settings are kept.", false, "add --yes to reset without being asked");
    if (!sure) {
      term.print("Nothing was changed.");
      return EXIT.ok;
    }
  }
  await store.reset();
  term.print(`Progress reset (${store.path}).`);
  return EXIT.ok;
}

export async function exportProgress(file: string | undefined, g: GlobalOptions): Promise<number> {
  const { store, term } = await storeAndTerminal(g);
  const json = `${JSON.stringify(exportDocument(store.read()), null, 2)}\n`;
  if (!file || file === "-") {
    term.write(json);
    return EXIT.ok;
  }
  try {
    writeFileSync(resolve(file), json);
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  term.print(`Progress exported to ${resolve(file)}.`);
  return EXIT.ok;
}

export async function importProgress(file: string, opts: { yes?: boolean }, g: GlobalOptions): Promise<number> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file === "-" ? 0 : resolve(file), "utf8"));
  } catch (e) {
    const why = e instanceof SyntaxError ? "it is not valid JSON" : (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new UsageError(`cannot import ${file}: ${why}; nothing was changed`);
  }
  const read = readExport(data);
  if ("error" in read) throw new UsageError(`cannot import ${file}: ${read.error}; nothing was changed`);
  const { store, term } = await storeAndTerminal(g);
  const preview = merge(store.read(), read.progress).summary;
  if (!changesAnything(preview)) {
    term.print("Nothing to import: everything in that file is already here.");
    return EXIT.ok;
  }
  term.print(`Importing ${file} would add:\n${describeMerge(preview).replace(/^/gm, "  ")}`);
  if (!opts.yes && !(await ask(term, "Merge it into your progress?", true, "add --yes to import without being asked"))) {
    term.print("Nothing was changed.");
    return EXIT.ok;
  }
  // Merge again under the lock: another process may have written since the preview.
  await store.update((p) => Object.assign(p, merge(p, read.progress).result));
  term.print("Imported.");
  return EXIT.ok;
}
