// Reading a file the learner names, or stdin, with a size limit: `progress import /dev/zero` or a
// runaway producer ends in a one-line message instead of eating the machine's memory, and a pipe
// from a slow producer is read as a stream (a non-blocking pipe cannot be read in one go).
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { UsageError } from "./errors.js";
import { describeError, FileProblem, formatBytes, readRegularFile } from "./files.js";

/** An export of 200,000 answers, pretty-printed, fits well within this. */
export const MAX_IMPORT_BYTES = 64 << 20;

function readStream(stream: Readable, maxBytes: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stream.destroy();
        reject(new UsageError(`${what}: it is larger than ${formatBytes(maxBytes)}; nothing was changed`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("error", (e) => reject(new UsageError(`${what}: ${describeError(e)}; nothing was changed`)));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** The text of `file` ("-" for stdin), at most `maxBytes` of it. */
export async function readInput(file: string, maxBytes: number, what: string): Promise<string> {
  if (file === "-") {
    if (process.stdin.isTTY) throw new UsageError(`${what}: nothing is piped into it; give a file, or pipe an export in (\`… | api-architect progress import - --yes\`)`);
    return readStream(process.stdin, maxBytes, what);
  }
  let st;
  try {
    st = statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    throw new UsageError(`${what}: ${describeError(e)}; nothing was changed`);
  }
  if (!st) {
    // A dangling link or a missing file.
    throw new UsageError(`${what}: no such file; nothing was changed`);
  }
  if (st.isDirectory()) throw new UsageError(`${what}: it is a folder, not a file; nothing was changed`);
  if (st.isFile()) {
    try {
      return readRegularFile(file, maxBytes)?.toString("utf8") ?? "";
    } catch (e) {
      const why = e instanceof FileProblem ? e.message : describeError(e);
      throw new UsageError(`${what}: ${why}; nothing was changed`);
    }
  }
  // A pipe (`<(…)`), a FIFO or a device: read as a stream, never past the limit.
  return readStream(createReadStream(file), maxBytes, what);
}
