// `progress`, and carrying it: export, import, reset.
import { resolve } from "node:path";
import { context } from "../context.js";
import { CliError, EXIT, UsageError } from "../errors.js";
import { safeJson, shown } from "../escape.js";
import { describeError, writeAtomic } from "../files.js";
import { readInput, MAX_IMPORT_BYTES } from "../input.js";
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
  return { store, term: terminal(g.color, store.settings().color ?? "auto", io) };
}

async function ask(term: Terminal, question: string, defaultYes: boolean, hint: string): Promise<boolean> {
  const { confirm } = await import("../screens/inline.js");
  return confirm(term, question, { default: defaultYes, hint });
}

export async function progress(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const report = progressReport(ctx.course, ctx.progress(), ctx.settings());
  if (opts.json) ctx.term.print(safeJson(report, 2));
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
  const json = `${safeJson(exportDocument(store.exportAll()), 2)}\n`;
  if (!file || file === "-") {
    term.write(json);
    return EXIT.ok;
  }
  try {
    writeAtomic(resolve(file), json);
  } catch (e) {
    throw new CliError(`cannot write ${shown(file)}: ${describeError(e)}`);
  }
  term.print(`Progress exported to ${shown(resolve(file))}.`);
  return EXIT.ok;
}

export async function importProgress(file: string, opts: { yes?: boolean }, g: GlobalOptions): Promise<number> {
  const name = shown(file);
  const text = await readInput(file, MAX_IMPORT_BYTES, `cannot import ${name}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof SyntaxError ? "it is not valid JSON" : "it is nested too deeply to read";
    throw new UsageError(`cannot import ${name}: ${why}; nothing was changed`);
  }
  const read = readExport(data);
  if ("error" in read) throw new UsageError(`cannot import ${name}: ${read.error}; nothing was changed`);
  const { store, term } = await storeAndTerminal(g);
  const preview = merge(store.exportAll(), read.progress).summary;
  if (!changesAnything(preview)) {
    term.print("Nothing to import: everything in that file is already here.");
    return EXIT.ok;
  }
  term.print(`Importing ${name} would add:\n${describeMerge(preview).replace(/^/gm, "  ")}`);
  if (!opts.yes && !(await ask(term, "Merge it into your progress?", true, "add --yes to import without being asked"))) {
    term.print("Nothing was changed.");
    return EXIT.ok;
  }
  // Merge again under the lock: another process may have written since the preview.
  await store.replace((whole) => merge(whole, read.progress).result);
  term.print("Imported.");
  return EXIT.ok;
}
