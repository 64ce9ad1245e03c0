// The streams and environment a command runs in: the process's own, or a test's.
import { fstatSync, writeSync } from "node:fs";

/** The streams and environment a command runs in. Tests inject their own. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /**
   * Whether a descriptor is a terminal, and writing to it, without making its stream: the
   * process's own Io has these; an injected one is asked through its streams.
   */
  isTty?(fd: 0 | 1 | 2): boolean;
  write?(fd: 1 | 2, text: string): void;
}

const ttyCache = new Map<number, boolean>();

/** Whether one of the process's descriptors is a terminal; only a character device is asked the real question. */
export function isTty(fd: 0 | 1 | 2): boolean {
  let known = ttyCache.get(fd);
  if (known === undefined) {
    try {
      // node:tty loads net and the stream classes: only a character device is worth the cost.
      known = fstatSync(fd).isCharacterDevice() && process.getBuiltinModule("node:tty").isatty(fd);
    } catch {
      known = false;
    }
    ttyCache.set(fd, known);
  }
  return known;
}

/** The streams are made on first use; this says whether that has happened. */
const streamsMade = new Set<number>();
export function noteStreamMade(fd: number): void {
  streamsMade.add(fd);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to one of the process's descriptors, waiting out a full non-blocking pipe. */
export function writeAll(fd: 1 | 2, text: string): void {
  if (streamsMade.has(fd)) {
    // Keep order with what an interactive screen has written through the stream.
    (fd === 1 ? process.stdout : process.stderr).write(text);
    return;
  }
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      // The reader has not caught up: wait a moment (a fifth of a millisecond) and try again.
      Atomics.wait(pause, 0, 0, 0.2);
    }
  }
}

/**
 * The process's own Io. Printing commands never make process.stdout or process.stdin, whose
 * stream machinery (net, stream, tty) costs more to load than most commands take to run: they
 * write with fs.writeSync and look at their descriptors with fstat. The streams are made when
 * something (an interactive screen) asks for them.
 */
const PROCESS_IO: Io = {
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  env: process.env,
  isTty,
  write: writeAll,
};

export function processIo(): Io {
  return PROCESS_IO;
}

/** Whether a descriptor of `io` is a terminal. */
export function ttyOf(io: Io, fd: 0 | 1 | 2): boolean {
  return io.isTty ? io.isTty(fd) : Boolean((fd === 0 ? io.stdin : fd === 1 ? io.stdout : io.stderr as { isTTY?: boolean }).isTTY);
}

/** Writes to stdout or stderr of `io`. */
export function writeTo(io: Io, fd: 1 | 2, text: string): void {
  if (io.write) io.write(fd, text);
  else (fd === 1 ? io.stdout : io.stderr).write(text);
}
