// Installing a course pack: from a folder or a .tgz, validated first, then copied file by file
// into the packs folder. Only the files the loader read (the ones the manifest names) are
// copied, as regular files, so an installed pack holds no links, devices or stray files. A .tgz
// is unpacked with its size bounded at every step (compressed, expanded, per entry, entries),
// and an archive holding a link, a device or a path that climbs out is refused whole.
import { gunzipSync } from "node:zlib";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { parseTar } from "nanotar";
import { CourseFiles, formatBytes, MAX_COURSE_BYTES, MAX_FILE_BYTES } from "../content/course-files.js";
import { loadCourseFrom, type LoadResult } from "../content/loader.js";
import { slugify } from "../content/markdown.js";
import { visible } from "../content/sanitize.js";
import { CliError, UsageError } from "../errors.js";
import { coursesRoot, packContentDir, packDir, PACK_ID, RESERVED_IDS, type PackInfo } from "./registry.js";

/** An archive may expand to this much; what is in it must still fit the course limits. */
const MAX_EXPANDED_BYTES = 64 << 20;
const MAX_ENTRIES = 5000;

/** A pack that failed validation or could not be unpacked: every problem, one a line. */
export class PackError extends CliError {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${visible(source)} is not a course pack that can be added (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was installed:\n${problems.map((p) => `  ${visible(p)}`).join("\n")}`);
  }
}

function readArchive(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${visible(file)}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : "it cannot be opened"}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${visible(file)} is not a regular file`);
    if (st.size > MAX_COURSE_BYTES) throw new PackError(file, [`the archive is ${formatBytes(st.size)}, over the limit of ${formatBytes(MAX_COURSE_BYTES)} for a course`]);
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** Unpacks a .tgz (or .tar) into `into`, refusing anything but files and folders inside it. */
export function unpack(file: string, into: string): void {
  const packed = readArchive(file);
  let tar: Buffer;
  if (packed[0] === 0x1f && packed[1] === 0x8b) {
    try {
      tar = gunzipSync(packed, { maxOutputLength: MAX_EXPANDED_BYTES });
    } catch (e) {
      const big = e instanceof RangeError || /larger than|maxOutputLength|buffer/i.test((e as Error).message);
      throw new PackError(file, [big ? `the archive expands to more than ${formatBytes(MAX_EXPANDED_BYTES)}` : "the archive is not valid gzip data"]);
    }
  } else tar = packed;
  const problems: string[] = [];
  let entries: ReturnType<typeof parseTar>;
  try {
    // nanotar reads from the ArrayBuffer itself: give it one that is exactly this archive.
    entries = parseTar(new Uint8Array(tar).buffer);
  } catch {
    throw new PackError(file, ["the archive is not a valid tar file"]);
  }
  if (entries.length > MAX_ENTRIES) throw new PackError(file, [`the archive holds ${entries.length} entries, over the limit of ${MAX_ENTRIES}`]);
  let total = 0;
  const files: { path: string; data: Uint8Array }[] = [];
  for (const e of entries) {
    // "./x" is how `tar -C dir .` names things; "." is the folder itself.
    const name = e.name.replace(/\/+$/, "").replace(/^(?:\.\/)+/, "");
    if (name === "." || name === "") continue;
    const parts = name.split("/");
    if (!name || parts.some((p) => !p || p === "." || p === "..") || /[\x00-\x1f\x7f-\x9f\\]/.test(name)) {
      problems.push(`archive entry "${name}" has a path that is not allowed`);
      continue;
    }
    if (e.type === "directory") continue;
    if (e.type !== "file" && e.type !== "contiguousFile") {
      problems.push(`archive entry "${name}" is a ${String(e.type).replace(/([A-Z])/g, " $1").toLowerCase()}; a pack may hold only files and folders`);
      continue;
    }
    if (e.size > MAX_FILE_BYTES) {
      problems.push(`archive entry "${name}" is ${formatBytes(e.size)}, over the limit of ${formatBytes(MAX_FILE_BYTES)} for one course file`);
      continue;
    }
    total += e.size;
    if (total > MAX_COURSE_BYTES) {
      problems.push(`the files in the archive come to more than ${formatBytes(MAX_COURSE_BYTES)}, the limit for a course`);
      break;
    }
    files.push({ path: name, data: ("data" in e ? e.data : undefined) ?? new Uint8Array() });
  }
  if (problems.length) throw new PackError(file, problems);
  // `npm pack` puts everything under package/: a single top folder without course.yaml is stripped.
  const tops = new Set(files.map((f) => f.path.split("/")[0]));
  const strip = tops.size === 1 && !files.some((f) => f.path === "course.yaml") && files.every((f) => f.path.includes("/"));
  for (const f of files) {
    const rel = strip ? f.path.slice(f.path.indexOf("/") + 1) : f.path;
    const target = join(into, rel);
    if (!resolve(target).startsWith(resolve(into) + sep)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.data, { flag: "wx" });
  }
}

/** The id a pack is installed under: course.yaml's `id`, else its folder or archive name. */
export function packId(declared: string | undefined, source: string): string {
  if (declared) return declared;
  const name = basename(source).replace(/\.(tgz|tar\.gz|tar)$/i, "").replace(/-\d+\.\d+\.\d+.*$/, "");
  return slugify(name).slice(0, 64).replace(/-+$/, "");
}

function fail(source: string, loaded: LoadResult): never {
  throw new PackError(source, [...loaded.problems, ...loaded.lint]);
}

/** Validates the pack at `source` (a folder, or an archive unpacked first) and installs it. */
export function installPack(source: string, now = new Date()): PackInfo & { replaced: boolean } {
  const abs = resolve(source);
  const isArchive = /\.(tgz|tar\.gz|tar)$/i.test(source);
  mkdirSync(coursesRoot(), { recursive: true });
  const work = join(coursesRoot(), `.incoming-${process.pid}-${now.getTime()}`);
  try {
    let folder = abs;
    if (isArchive) {
      mkdirSync(join(work, "unpacked"), { recursive: true });
      unpack(abs, join(work, "unpacked"));
      folder = join(work, "unpacked");
    }
    const loaded = loadCourseFrom(folder);
    if (loaded.problems.length || loaded.lint.length || !loaded.course) fail(source, loaded);
    const course = loaded.course;
    const id = packId(course.id, source);
    if (!PACK_ID.test(id)) throw new PackError(source, [`course.yaml: give the course an id (id: some-name, lowercase kebab-case); "${id}" cannot be used`]);
    if (RESERVED_IDS.has(id)) throw new PackError(source, [`course.yaml: the id "${id}" belongs to the built-in course; choose another`]);
    // Copy exactly what was read, as the regular files the loader saw.
    const staged = join(work, "content");
    const files = new CourseFiles(folder);
    for (const rel of loaded.files ?? []) {
      const r = files.readText(join(folder, rel));
      if ("problem" in r) throw new PackError(source, [`${rel}: ${r.problem}`]);
      const target = join(staged, rel);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, r.text, { flag: "wx" });
    }
    // The copy must stand on its own: validate it again before it replaces anything.
    const again = loadCourseFrom(staged);
    if (again.problems.length || !again.course) fail(source, again);
    const info: PackInfo = { id, title: course.title, modules: course.modules.length, source: abs, addedAt: now.toISOString() };
    const dest = packContentDir(id);
    mkdirSync(packDir(id), { recursive: true });
    let replaced = false;
    try {
      renameSync(dest, join(work, "old"));
      replaced = true;
    } catch {
      // Not installed before.
    }
    renameSync(staged, dest);
    writeFileSync(join(packDir(id), "pack.json"), `${JSON.stringify(info, null, 2)}\n`);
    return { ...info, replaced };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

