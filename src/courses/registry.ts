// Which course is in use, and where installed course packs live. Small and synchronous: every
// command asks it where the course is, so it reads one tiny file and nothing else.
//
//   <config>/course.json              { "course": "<id>" }: the course in use (absent: the built-in one)
//   <config>/courses/<id>/content/    an installed pack: the files its manifest names, copied
//   <config>/courses/<id>/pack.json   what `course list` shows: title, modules, source, when added
//   <config>/courses/<id>/            also that course's own progress store
//
// <config> is the progress store's folder (API_ARCHITECT_CONFIG_DIR or the OS config directory).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import envPaths from "env-paths";

/** The built-in course's id in `course list` and `course use`. */
export const BUILT_IN_ID = "api-architect";
/** Ids a pack may not take. */
export const RESERVED_IDS = new Set([BUILT_IN_ID, "builtin", "built-in", "default"]);
export const PACK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PackInfo {
  id: string;
  title: string;
  modules: number;
  /** Where it was added from (a folder or a .tgz), as given. */
  source: string;
  addedAt: string;
}

/** Where progress, settings and packs live: the same folder as the progress store. */
export function configRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.API_ARCHITECT_CONFIG_DIR || envPaths("api-architect", { suffix: "" }).config;
}

export function coursesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(configRoot(env), "courses");
}

export function packDir(id: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(coursesRoot(env), id);
}

export function packContentDir(id: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(packDir(id, env), "content");
}

function activeFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(configRoot(env), "course.json");
}

function readSmallJson(file: string): unknown {
  try {
    const text = readFileSync(file, "utf8");
    return text.length < 64 * 1024 ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export function isInstalled(id: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return PACK_ID.test(id) && !RESERVED_IDS.has(id) && existsSync(join(packContentDir(id, env), "course.yaml"));
}

/** The id of the course in use: a pack chosen with `course use`, else the built-in course. */
export function activeCourseId(env: NodeJS.ProcessEnv = process.env): string {
  const data = readSmallJson(activeFile(env)) as { course?: unknown } | undefined;
  const id = typeof data?.course === "string" ? data.course : BUILT_IN_ID;
  return PACK_ID.test(id) ? id : BUILT_IN_ID;
}

/**
 * The content folder of the pack in use, or undefined for the built-in course. A pack whose
 * folder has gone (removed by hand) falls back to the built-in course, with a word on stderr.
 */
export function activePackContent(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const id = activeCourseId(env);
  if (id === BUILT_IN_ID) return undefined;
  if (isInstalled(id, env)) return packContentDir(id, env);
  process.stderr.write(`api-architect: the course "${id}" is not installed any more; using the built-in course (\`api-architect course use ${BUILT_IN_ID}\` makes that stick)\n`);
  return undefined;
}

/**
 * The progress store's folder for the course in use: each pack keeps its own progress beside its
 * content; the built-in course (and a folder named by API_ARCHITECT_CONTENT, for authors) uses
 * the main one.
 */
export function courseStoreDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.API_ARCHITECT_CONTENT) return configRoot(env);
  const id = activeCourseId(env);
  return id !== BUILT_IN_ID && isInstalled(id, env) ? packDir(id, env) : configRoot(env);
}

export function installedPacks(): PackInfo[] {
  let names: string[];
  try {
    names = readdirSync(coursesRoot()).sort();
  } catch {
    return [];
  }
  const out: PackInfo[] = [];
  for (const id of names) {
    if (!isInstalled(id)) continue;
    const info = readSmallJson(join(packDir(id), "pack.json")) as Partial<PackInfo> | undefined;
    out.push({ id, title: String(info?.title ?? id), modules: Number(info?.modules ?? 0), source: String(info?.source ?? ""), addedAt: String(info?.addedAt ?? "") });
  }
  return out;
}

export { activeFile };
