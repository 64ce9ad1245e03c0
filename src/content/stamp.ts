// The content stamp: a hash of the course's files, which says whether a compiled copy (and every
// cache made from it) still matches the folder on disk.
//
// Hashing every file on every run costs more than some commands take, so a stamp is kept with
// the stat fingerprint of the files it was computed from: while the sizes, times and inodes are
// unchanged, so is the stamp. Only when they move is the manifest read and the files hashed again
// (also after `npm install`, which resets times; the content hash then still matches the build).
//
// A course folder is outside input (API_ARCHITECT_CONTENT). Only the files its manifest names are
// looked at, by name: no recursive walk, nothing outside the folder (links out are not followed),
// and nothing but regular files is ever read: a FIFO, a device or a link loop is noted, not opened.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, sep } from "node:path";
import { UsageError } from "../errors.js";
import { shown } from "../escape.js";
import { readRegularFile, writeAtomic } from "../files.js";

export const STAMP_FILE = "stamp.json";
const RECORD_FORMAT = 1;
/** No course file needs more; a bigger one is left to the loader to report. */
const MAX_FILE_BYTES = 32 << 20;

export interface StampRecord {
  format: number;
  /** Folders and files, relative to the course folder, as the manifest named them. */
  dirs: string[];
  files: string[];
  /** Their stat fingerprint when the stamp was computed. */
  stat: string;
  stamp: string;
}

/** A manifest entry that can name a folder inside the course: no separators, no dot-dot. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * The folders and files of a course, as the loader finds them: the manifest's modules, reference
 * pages and contract; in every module folder its lab and solution; the answers in faq/.
 */
export async function manifestFiles(rootReal: string): Promise<{ dirs: string[]; files: string[] }> {
  const dirs = ["modules", "faq"];
  const files = ["course.yaml", "roadmap.yaml", "glossary.yaml"];
  type Manifest = { modules?: unknown; references?: unknown; contract?: unknown };
  let manifest = null as Manifest | null;
  try {
    const text = readRegularFile(join(rootReal, "course.yaml"), 1 << 20)?.toString("utf8");
    if (text !== undefined) {
      const { parse } = await import("yaml");
      manifest = parse(text, { maxAliasCount: 100 }) as Manifest | null;
    }
  } catch {
    // The loader reports what is wrong with the manifest; the stamp still covers the file itself.
  }
  const modules: unknown[] = Array.isArray(manifest?.modules) ? manifest.modules : [];
  const listed = new Set(modules.filter((m): m is string => typeof m === "string" && SAFE_NAME.test(m)));
  // Labs are found in every module folder, listed or not (the loader looks in each).
  const folders = new Set(listed);
  if (folderInside(rootReal, "modules")) {
    try {
      for (const name of readdirSync(join(rootReal, "modules")).sort()) if (SAFE_NAME.test(name)) folders.add(name);
    } catch {
      // No modules folder.
    }
  }
  for (const m of [...folders].sort()) {
    dirs.push(`modules/${m}`);
    if (listed.has(m)) files.push(`modules/${m}/lesson.md`, `modules/${m}/quiz.yaml`);
    files.push(`modules/${m}/lab.yaml`, `modules/${m}/solution.md`);
  }
  const paths: unknown[] = [...(Array.isArray(manifest?.references) ? manifest.references : []), manifest?.contract];
  for (const p of paths) {
    if (typeof p !== "string") continue;
    const parts = p.split("/");
    if (!parts.every((x) => SAFE_NAME.test(x))) continue;
    for (let i = 1; i < parts.length; i++) if (!dirs.includes(parts.slice(0, i).join("/"))) dirs.push(parts.slice(0, i).join("/"));
    files.push(p);
  }
  if (folderInside(rootReal, "faq")) {
    try {
      for (const name of readdirSync(join(rootReal, "faq")).sort()) if (name.endsWith(".md") && SAFE_NAME.test(name)) files.push(`faq/${name}`);
    } catch {
      // No faq folder.
    }
  }
  return { dirs, files };
}

function inside(rootReal: string, real: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);
}

/** A folder of the course that really is inside it (itself a folder, or a link that stays inside). */
function folderInside(rootReal: string, rel: string): boolean {
  return /^d/.test(entry(rootReal, rel, true));
}

/**
 * One line of the fingerprint: "d"/"f" and the identity of a folder or regular file inside the
 * course; "-" if missing; "out" for a link leading outside; "odd" for anything else.
 */
function entry(rootReal: string, rel: string, folder: boolean): string {
  // rel is built from checked names and "/": no need for path.join's normalising.
  const path = `${rootReal}${sep}${rel}`;
  let st: Stats | undefined;
  try {
    st = lstatSync(path, { throwIfNoEntry: false });
    if (!st) return "-";
    if (st.isSymbolicLink()) {
      if (!inside(rootReal, realpathSync.native(path))) return "out";
      st = statSync(path);
    }
  } catch {
    return "odd"; // a link loop, a permission problem
  }
  if (folder ? !st.isDirectory() : !st.isFile()) return "odd";
  return `${folder ? "d" : "f"}${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}

/**
 * The stat fingerprint of the named folders and files. A file is looked at only when every folder
 * above it inside the course is a real folder inside the course.
 */
export function statFingerprint(rootReal: string, dirs: readonly string[], files: readonly string[]): string {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const d of dirs) {
    const parent = d.includes("/") ? d.slice(0, d.lastIndexOf("/")) : "";
    const e = parent && !/^d/.test(seen.get(parent) ?? "d") ? "out" : entry(rootReal, d, true);
    seen.set(d, e);
    out.push(`${d}=${e}`);
  }
  for (const f of files) {
    const parent = f.includes("/") ? f.slice(0, f.lastIndexOf("/")) : "";
    const e = parent && !/^d/.test(seen.get(parent) ?? entry(rootReal, parent, true)) ? "out" : entry(rootReal, f, false);
    out.push(`${f}=${e}`);
  }
  return out.join("|");
}

/** A hash of the named files' bytes: regular files inside the course only; the others by name. */
export function hashFiles(rootReal: string, files: readonly string[], fingerprint: string): string {
  const kinds = new Map(fingerprint.split("|").map((part) => [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)]));
  // node:crypto is loaded only here, when the files have to be read: the stat check needs none.
  const hash = process.getBuiltinModule("node:crypto").createHash("sha1");
  for (const f of files) {
    hash.update(f);
    hash.update("\0");
    if (/^f/.test(kinds.get(f) ?? "")) {
      try {
        hash.update(readRegularFile(join(rootReal, f), MAX_FILE_BYTES) ?? "-");
      } catch {
        hash.update("unreadable");
      }
    } else hash.update(kinds.get(f) ?? "-");
    hash.update("\0");
  }
  return hash.digest("hex");
}

function readRecord(file: string): StampRecord | undefined {
  try {
    const buf = readRegularFile(file, 4 << 20);
    const r = buf && (JSON.parse(buf.toString("utf8")) as StampRecord);
    if (r && r.format === RECORD_FORMAT && Array.isArray(r.files) && Array.isArray(r.dirs) && typeof r.stat === "string" && typeof r.stamp === "string") return r;
  } catch {
    // Not a record we wrote: computed again.
  }
  return undefined;
}

/** The real path of a course folder, or a usage error saying it is not there. */
export function courseRoot(root: string): string {
  try {
    const real = realpathSync.native(root);
    if (statSync(real).isDirectory()) return real;
  } catch {
    // Reported below.
  }
  throw new UsageError(`the course folder ${shown(root, 300)} does not exist or is not a folder`);
}

/**
 * The course's stamp: from a record whose fingerprint still matches (in `recordDirs`, best
 * first), or computed now and recorded in `writeTo` for next time.
 */
export async function courseStamp(rootReal: string, recordDirs: readonly string[], writeTo: string): Promise<string> {
  for (const dir of recordDirs) {
    const r = readRecord(join(dir, STAMP_FILE));
    if (r && r.stat === statFingerprint(rootReal, r.dirs, r.files)) return r.stamp;
  }
  const record = await computeStamp(rootReal);
  try {
    writeAtomic(join(writeTo, STAMP_FILE), JSON.stringify(record));
  } catch {
    // A record that cannot be written only costs speed.
  }
  return record.stamp;
}

/** Reads the manifest and hashes the files it names; the fingerprint is taken first. */
export async function computeStamp(rootReal: string): Promise<StampRecord> {
  const { dirs, files } = await manifestFiles(rootReal);
  const stat = statFingerprint(rootReal, dirs, files);
  return { format: RECORD_FORMAT, dirs, files, stat, stamp: hashFiles(rootReal, files, stat) };
}
