// File access that cannot hang, balloon or crash on a hostile path: only regular files are read,
// with a size limit; writes go to a temporary file that is then renamed over the target; and
// every system error is described in words, never as a raw errno code.
import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const WORDS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full (no space or no free inodes left)",
  EDQUOT: "the disk quota is used up",
  ENOTDIR: "a part of the path is a file where a folder should be",
  EISDIR: "it is a folder, not a file",
  ENOENT: "it does not exist",
  ELOOP: "it is a loop of symbolic links",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  EIO: "the disk reported an input/output error",
  EAGAIN: "the input was not ready to be read",
  ENAMETOOLONG: "the path is too long",
  EBUSY: "it is busy",
  EEXIST: "something is already there",
  EFBIG: "it is too large",
  ENXIO: "there is no such device",
  ENODEV: "there is no such device",
  EINVAL: "the operation is not possible there",
  EXDEV: "it is on another disk",
  EPIPE: "the reader went away",
  ETXTBSY: "it is busy",
};

/** A system error in words: "permission denied", "the disk is full", ... */
export function describeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code && WORDS[err.code]) return WORDS[err.code]!;
  if (err instanceof FileProblem) return err.message;
  // Node's own messages start with the code ("EXYZ: what, syscall 'path'"): keep the words only.
  const message = String(err?.message ?? e).replace(/^[A-Z][A-Z0-9_]+: /, "").replace(/, \w+ '.*'$/, "");
  return message || "an unknown system error";
}

/** Why a path could not be read as a file of ours; the message is already in words. */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly kind: "missing" | "not-a-file" | "too-large" | "unreadable",
  ) {
    super(message);
  }
}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; the fstat
// below then refuses it. (Not defined on Windows, which has no FIFOs in the file system.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file of at most `maxBytes`. A FIFO, a device (a link to /dev/zero), a
 * folder or a link loop is refused at once, never read; a missing file is `undefined`.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    // Missing, or a file where a folder of the path should be: nothing there to read.
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw new FileProblem(describeError(e), "unreadable");
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileProblem(st.isDirectory() ? "it is a folder, not a file" : "it is not a regular file (a device, a pipe or a socket)", "not-a-file");
    if (st.size > maxBytes) throw new FileProblem(`it is larger than ${formatBytes(maxBytes)}`, "too-large");
    // Read what is there now, but never more than the limit, even if the file grows meanwhile.
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st.size, 0) + 1));
    let got = 0;
    for (;;) {
      if (got === buf.length) break;
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    if (got > maxBytes) throw new FileProblem(`it is larger than ${formatBytes(maxBytes)}`, "too-large");
    return buf.subarray(0, got);
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(describeError(e), "unreadable");
  } finally {
    closeSync(fd);
  }
}

/** A JSON file read as readRegularFile reads: its data, or why there is none. */
export type JsonFile = { kind: "ok"; data: unknown } | { kind: "missing" } | { kind: "unusable"; problem: string } | { kind: "invalid"; problem: string };

export function readJsonFile(path: string, maxBytes: number): JsonFile {
  let buf: Buffer | undefined;
  try {
    buf = readRegularFile(path, maxBytes);
  } catch (e) {
    return { kind: "unusable", problem: describeError(e) };
  }
  if (!buf) return { kind: "missing" };
  try {
    return { kind: "ok", data: JSON.parse(buf.toString("utf8")) };
  } catch {
    return { kind: "invalid", problem: "it is not valid JSON" };
  }
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : n >= 1 << 10 ? `${Math.round(n / (1 << 10))} KB` : `${n} bytes`;
}

/**
 * mkdir -p, one folder at a time. Node's recursive mkdir loops for ever under /proc and reports
 * "no such file" for a read-only file system; made one by one, each folder fails for its own
 * reason.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
}

/** Writes so that a reader never sees half a file: a temporary name beside it, then a rename. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  makeFolders(dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
