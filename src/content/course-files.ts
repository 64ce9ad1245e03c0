// Reads the files of a course folder, which may come from anyone (API_ARCHITECT_CONTENT, a pack).
// Only regular files inside the folder are read: a link that leads outside it, a link loop, a
// FIFO or a device is refused without being opened for reading, and each file and the course as
// a whole have a size limit, checked before a byte is read. Text is cleaned of terminal control
// sequences here (see sanitize.ts), once, for everything that is read.
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { sanitizeText, type Removed } from "./sanitize.js";

/** No lesson comes near this (the largest is about 100 KB); a bigger file is refused unread. */
export const MAX_FILE_BYTES = 1 << 20;
/** The whole course: twenty times the built-in one. */
export const MAX_COURSE_BYTES = 16 << 20;
/** FAQ files in one course. */
export const MAX_FAQ_FILES = 2000;

export const formatBytes = (n: number) => (n >= 1 << 20 ? `${Number((n / (1 << 20)).toFixed(1))} MiB` : `${Math.ceil(n / 1024)} KiB`);

// O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer (fstat then refuses
// it); O_NOFOLLOW: the path was resolved already, so a link swapped in meanwhile is not followed.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export type ReadResult = { text: string; removed: Removed[] } | { problem: string; missing?: boolean };

export class CourseFiles {
  readonly rootReal: string;
  private total = 0;
  /** Every file read successfully, relative to the course folder (what a pack install copies). */
  readonly read: string[] = [];

  constructor(readonly root: string) {
    this.rootReal = realpathSync.native(root);
  }

  private inside(real: string): boolean {
    return real === this.rootReal || real.startsWith(this.rootReal.endsWith(sep) ? this.rootReal : this.rootReal + sep);
  }

  /** The real path of something inside the course, or why it cannot be used. */
  private resolve(path: string): { real: string } | { problem: string; missing?: boolean } {
    try {
      const real = realpathSync.native(path);
      if (!this.inside(real)) return { problem: "is a link to a place outside the course folder; links out of the course are not followed" };
      return { real };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return { problem: "cannot be read (missing or not a file)", missing: true };
      if (code === "ELOOP") return { problem: "is a loop of symbolic links" };
      if (code === "EACCES" || code === "EPERM") return { problem: "cannot be read (permission denied)" };
      return { problem: "cannot be read" };
    }
  }

  /** A folder of the course (itself, or a link that stays inside), or undefined. */
  folder(path: string): string | undefined {
    const r = this.resolve(path);
    if ("problem" in r) return undefined;
    try {
      return statSync(r.real).isDirectory() ? r.real : undefined;
    } catch {
      return undefined;
    }
  }

  /** The names of a folder's entries, sorted; empty if it is not a folder of the course. */
  list(path: string): string[] {
    const dir = this.folder(path);
    if (!dir) return [];
    try {
      return readdirSync(dir).sort().slice(0, MAX_FAQ_FILES);
    } catch {
      return [];
    }
  }

  /** A file's text: BOM and CRLF accepted, control sequences removed (and listed). */
  readText(path: string): ReadResult {
    const r = this.resolve(path);
    if ("problem" in r) return r;
    let fd: number;
    try {
      fd = openSync(r.real, OPEN_FLAGS);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { problem: code === "EACCES" || code === "EPERM" ? "cannot be read (permission denied)" : code === "EISDIR" ? "is a folder, not a file" : "cannot be read" };
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) return { problem: "is a folder, not a file" };
      if (!st.isFile()) return { problem: "is not a regular file (a FIFO, a device or a socket); only regular files are read" };
      if (st.size > MAX_FILE_BYTES) return { problem: `is ${formatBytes(st.size)}, over the limit of ${formatBytes(MAX_FILE_BYTES)} for one course file` };
      if (this.total + st.size > MAX_COURSE_BYTES) return { problem: `would take the course over its limit of ${formatBytes(MAX_COURSE_BYTES)} in all` };
      // Never more than the limit, even if the file grows while it is read.
      const buf = Buffer.alloc(Math.min(st.size, MAX_FILE_BYTES) + 1);
      let got = 0;
      for (;;) {
        const n = readSync(fd, buf, got, buf.length - got, null);
        if (n === 0) break;
        got += n;
        if (got === buf.length) return { problem: `grew past the limit of ${formatBytes(MAX_FILE_BYTES)} while it was read` };
      }
      this.total += got;
      this.read.push(relative(this.root, path).split(sep).join("/"));
      const removed: Removed[] = [];
      const text = sanitizeText(buf.subarray(0, got).toString("utf8"), 1, removed);
      return { text, removed };
    } catch {
      return { problem: "cannot be read" };
    } finally {
      closeSync(fd);
    }
  }
}

/** A course folder named by the user or the environment must exist: if not, that is a usage error. */
export function missingCourseFolder(root: string): boolean {
  try {
    return !statSync(root).isDirectory();
  } catch {
    return true;
  }
}
