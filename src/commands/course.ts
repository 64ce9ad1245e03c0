// `course add|list|use|remove|new`: course packs a team writes in the built-in course's format and
// installs beside it. Progress is kept per course; the built-in course is always there.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { GlobalOptions } from "../options.js";
import { missingCourseFolder } from "../content/course-files.js";
import { slugify } from "../content/markdown.js";
import { sanitizeText, visible } from "../content/sanitize.js";
import { activeCourseId, activeFile, BUILT_IN_ID, configRoot, installedPacks, isInstalled, packContentDir, packDir, PACK_ID, type PackInfo } from "../courses/registry.js";
import { EXIT, UsageError } from "../errors.js";
import { suggest } from "../learn/resolve.js";
import { terminal, type Terminal } from "../output.js";
import { builtInContentDir } from "../paths.js";
import { writeAtomic } from "../content/compiled.js";

interface CourseRow {
  id: string;
  title: string;
  builtIn: boolean;
  active: boolean;
  modules: number;
  path: string;
  source: string | null;
  addedAt: string | null;
}

function builtInRow(active: string): CourseRow {
  return { id: BUILT_IN_ID, title: "API Architect", builtIn: true, active: active === BUILT_IN_ID, modules: builtInModules(), path: builtInContentDir(), source: null, addedAt: null };
}

function builtInModules(): number {
  try {
    return readdirSync(join(builtInContentDir(), "modules")).filter((n) => /^\d{2}-/.test(n)).length;
  } catch {
    return 0;
  }
}

function rows(): CourseRow[] {
  const active = activeCourseId();
  const packs = installedPacks().map((p: PackInfo): CourseRow => ({
    id: p.id,
    // pack.json lives in the user's folder, but show nothing from it raw all the same.
    title: sanitizeText(p.title),
    builtIn: false,
    active: p.id === active,
    modules: p.modules,
    path: packContentDir(p.id),
    source: p.source || null,
    addedAt: p.addedAt || null,
  }));
  const builtIn = builtInRow(packs.some((p) => p.active) ? active : BUILT_IN_ID);
  return [builtIn, ...packs];
}

function knownId(input: string): string {
  const id = input.trim().toLowerCase();
  if (id === BUILT_IN_ID || isInstalled(id)) return id;
  const near = suggest(id, rows().map((r) => r.id));
  throw new UsageError(`no course "${visible(input)}" is installed${near ? `; did you mean "${near}"?` : "; see `api-architect course list`"}`);
}

export async function courseAdd(source: string, g: GlobalOptions): Promise<number> {
  const term: Terminal = terminal(g.color, "auto", g.io);
  const path = resolve(source);
  if (!existsSync(path)) throw new UsageError(`${visible(source)} does not exist; give a course folder (with course.yaml) or a .tgz of one`);
  if (!/\.(tgz|tar\.gz|tar)$/i.test(source) && missingCourseFolder(path)) throw new UsageError(`${visible(source)} is not a folder or a .tgz archive`);
  const { installPack } = await import("../courses/install.js");
  const info = installPack(source);
  term.print(`${info.replaced ? "Updated" : "Added"} "${info.title}" as ${info.id} (${info.modules} module${info.modules === 1 ? "" : "s"}).`);
  if (activeCourseId() !== info.id) term.print(`Open it with \`api-architect course use ${info.id}\`.`);
  return EXIT.ok;
}

export async function courseList(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const term: Terminal = terminal(g.color, "auto", g.io);
  const list = rows();
  if (opts.json) {
    term.print(JSON.stringify(list, null, 2));
    return EXIT.ok;
  }
  const width = Math.max(...list.map((r) => r.id.length));
  for (const r of list) {
    const detail = `${r.modules} module${r.modules === 1 ? "" : "s"}${r.builtIn ? ", built in" : ""}`;
    term.print(`${r.active ? "*" : " "} ${r.id.padEnd(width)}  ${r.title} (${detail})`);
  }
  if (process.env.API_ARCHITECT_CONTENT) term.warn(`API_ARCHITECT_CONTENT is set: commands read ${visible(resolve(process.env.API_ARCHITECT_CONTENT))} instead`);
  return EXIT.ok;
}

export async function courseUse(input: string, g: GlobalOptions): Promise<number> {
  const term: Terminal = terminal(g.color, "auto", g.io);
  const id = knownId(input);
  if (id === BUILT_IN_ID) rmSync(activeFile(), { force: true });
  else {
    mkdirSync(configRoot(), { recursive: true });
    writeAtomic(activeFile(), `${JSON.stringify({ course: id })}\n`);
  }
  const row = rows().find((r) => r.id === id)!;
  term.print(`Now using "${row.title}" (${id}). Its progress is kept apart from other courses'.`);
  if (process.env.API_ARCHITECT_CONTENT) term.warn("API_ARCHITECT_CONTENT is set, and wins while it is");
  return EXIT.ok;
}

export async function courseRemove(input: string, g: GlobalOptions): Promise<number> {
  const term: Terminal = terminal(g.color, "auto", g.io);
  const id = knownId(input);
  if (id === BUILT_IN_ID) throw new UsageError("the built-in course cannot be removed");
  const wasActive = activeCourseId() === id;
  rmSync(packContentDir(id), { recursive: true, force: true });
  rmSync(join(packDir(id), "pack.json"), { force: true });
  if (wasActive) rmSync(activeFile(), { force: true });
  term.print(`Removed ${id}.${wasActive ? " Back to the built-in course." : ""} Its progress stays in ${packDir(id)}; adding the pack again picks it up.`);
  return EXIT.ok;
}

export async function courseNew(dir: string, g: GlobalOptions): Promise<number> {
  const term: Terminal = terminal(g.color, "auto", g.io);
  const target = resolve(dir);
  if (existsSync(target) && (missingCourseFolder(target) || readdirSync(target).length > 0)) {
    throw new UsageError(`${visible(dir)} already exists and is not an empty folder; choose a new folder`);
  }
  const id = slugify(basename(target)).slice(0, 64).replace(/-+$/, "") || "my-course";
  if (!PACK_ID.test(id) || id === BUILT_IN_ID) throw new UsageError(`cannot make a course id from "${visible(basename(target))}"; choose a folder name with letters or digits`);
  const title = basename(target).replace(/[-_]+/g, " ").replace(/^\w/, (c) => c.toUpperCase());
  const { packTemplate } = await import("../courses/template.js");
  for (const [rel, text] of Object.entries(packTemplate(id, sanitizeText(title).replace(/[:#"'\n]/g, " ").trim() || id))) {
    mkdirSync(dirname(join(target, rel)), { recursive: true });
    writeFileSync(join(target, rel), text);
  }
  term.print(`Created a course pack in ${target} (id ${id}).`);
  term.print(`Check it with \`api-architect validate ${dir}\`, then \`api-architect course add ${dir}\`.`);
  return EXIT.ok;
}
