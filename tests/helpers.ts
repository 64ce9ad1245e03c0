// Shared by the tests: run the built binary as a user would, with a private store.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const BIN = join(ROOT, "bin", "api-architect.js");
export const FIXTURE = join(ROOT, "tests", "fixtures", "course");
export const BROKEN = join(ROOT, "tests", "fixtures", "broken");
export const REAL_CONTENT = join(ROOT, "content");

export function tempDir(prefix = "aa-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function cleanup(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

/** The environment a test run gets: no colour hints from the outer terminal, a private store. */
export function testEnv(configDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, API_ARCHITECT_CONFIG_DIR: configDir, API_ARCHITECT_CACHE_DIR: join(configDir, "cache"), API_ARCHITECT_CONTENT: FIXTURE, HOME: configDir, XDG_CONFIG_HOME: join(configDir, "xdg"), XDG_CACHE_HOME: join(configDir, "xdg-cache") };
  for (const k of ["FORCE_COLOR", "NO_COLOR", "COLUMNS", "CI"]) delete env[k];
  env.TERM = "xterm-256color";
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs the CLI with stdin closed and stdout/stderr piped. */
export function cli(args: string[], env: NodeJS.ProcessEnv, input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", input: input ?? "", timeout: 20_000 });
}

export const ESC = "\u001b";
// eslint-disable-next-line no-control-regex
export const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*(\u0007|\u001b\\)/g, "");

/**
 * The whole store in a config folder as one object, the way an export shows it: progress.json's
 * state, the answers from its log, and settings.json's settings.
 */
export function readStore(dir: string): Record<string, any> {
  const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8") : undefined);
  const state = JSON.parse(read("progress.json") ?? "{}");
  const { version: _v, ...settings } = JSON.parse(read("settings.json") ?? "{}");
  const log = state.log?.file ? read(state.log.file) : undefined;
  const answers = (log ?? "").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  return { ...state, settings, answers };
}
