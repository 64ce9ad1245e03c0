// Runs the built binary without blocking this process, so servers started by a test can answer.
import { spawn } from "node:child_process";
import { BIN } from "../helpers.js";

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function cliAsync(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<Result> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve) =>
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Date.now() - started });
    }),
  );
}
