// The only place that decides the exit code and prints failures.
import { CliError, EXIT } from "./errors.js";
import { run } from "./cli.js";

function fail(message: string, code: number) {
  process.stderr.write(`api-architect: ${message}\n`);
  process.exitCode = code;
}

// A reader that goes away (`api-architect learn 1 | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    // The terminal was closed under us: end as a hang-up does, after saves in flight.
    if (err.code === "EIO") return void import("./lifecycle.js").then((l) => l.endBy("SIGHUP"));
    throw err;
  });
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  if (err instanceof CliError) {
    if (err.exitCode === EXIT.interrupted) process.stderr.write("\n");
    fail(err.exitCode === EXIT.interrupted ? "cancelled; what you already answered is saved" : err.message, err.exitCode);
  } else {
    const detail = process.env.API_ARCHITECT_DEBUG ? (err as Error)?.stack : (err as Error)?.message ?? String(err);
    fail(`unexpected error: ${detail}\n(this is a bug; set API_ARCHITECT_DEBUG=1 for details)`, EXIT.failure);
  }
}
