// The only place that decides the exit code and prints failures.
import { CliError, EXIT } from "./errors.js";
import { escapeControls } from "./escape.js";
import { describeError } from "./files.js";
import { noteStreamMade, writeAll } from "./io.js";
import { run } from "./cli.js";

function fail(message: string, code: number) {
  // Whatever the message quotes (an argument, a path, a file's text) cannot drive the terminal.
  try {
    writeAll(2, `api-architect: ${escapeControls(message, true)}\n`);
  } catch {
    // No stderr to say it on: the exit code says it.
  }
  process.exitCode = code;
}

/** A system error on our own output (a full disk behind `> file`, a closed terminal). */
function outputFailed(err: NodeJS.ErrnoException): void {
  // A reader that goes away (`api-architect learn 1 | head`) is not an error.
  if (err.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
  // The terminal was closed under us: end as a hang-up does, after saves in flight.
  if (err.code === "EIO") return void import("./lifecycle.js").then((l) => l.endBy("SIGHUP"));
  try {
    writeAll(2, `api-architect: cannot write the output: ${describeError(err)}\n`);
  } catch {
    // stderr is gone too: the exit code says it.
  }
  process.exit(EXIT.failure);
}

// process.stdout and process.stderr are made on first use (printing commands never make them;
// see io.ts). Whenever one is made, it gets the error handler above, and printing switches to it
// so that output stays in order.
for (const [fd, name] of [[1, "stdout"], [2, "stderr"]] as const) {
  const made = Object.getOwnPropertyDescriptor(process, name);
  if (!made?.get || !made.configurable) {
    process[name].on("error", outputFailed);
    noteStreamMade(fd);
    continue;
  }
  let stream: NodeJS.WriteStream | undefined;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: made.enumerable,
    get() {
      if (!stream) {
        stream = made.get!.call(process) as NodeJS.WriteStream;
        stream.on("error", outputFailed);
        noteStreamMade(fd);
      }
      return stream;
    },
  });
}

async function main() {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (err) {
    if (err instanceof CliError) {
      if (err.exitCode === EXIT.interrupted) writeAll(2, "\n");
      fail(err.exitCode === EXIT.interrupted ? "cancelled; what you already answered is saved" : err.message, err.exitCode);
    } else if ((err as NodeJS.ErrnoException)?.syscall === "write" && (err as NodeJS.ErrnoException).code) {
      // Writing to a file stdout is synchronous: its errors arrive here rather than as events.
      outputFailed(err as NodeJS.ErrnoException);
    } else {
      const detail = process.env.API_ARCHITECT_DEBUG ? (err as Error)?.stack : (err as Error)?.message ?? String(err);
      fail(`unexpected error: ${detail}\n(this is a bug; set API_ARCHITECT_DEBUG=1 for details)`, EXIT.failure);
    }
  }
}

void main();
