// Shared by the tests: run the built binary as a user would, with a private store.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { logLine } from "../src/store/log.js";
import { foldLog, stateOf } from "../src/store/migrate.js";
import type { Progress } from "../src/store/schema.js";

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

/**
 * A raw errno code, which no message may show (it says what happened in words instead). Named,
 * not /E[A-Z]+/: a temp folder's random name may hold capitals.
 */
export const ERRNO = /\b(?:ENOENT|EACCES|EPERM|EAGAIN|EWOULDBLOCK|ENOSPC|EDQUOT|ENOTDIR|EISDIR|ELOOP|EROFS|EEXIST|EBUSY|EMFILE|ENFILE|EINVAL|EIO|EPIPE|EBADF|ENXIO|ENAMETOOLONG|ENOTEMPTY|EXDEV|ETIMEDOUT|ECONNREFUSED|ECONNRESET)\b/;
// eslint-disable-next-line no-control-regex
export const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*(\u0007|\u001b\\)/g, "");

/**
 * The whole store in a config folder as one object, the way an export shows it: progress.json's
 * state, the answers from its log, and settings.json's settings.
 */
export function readStore(dir: string): Record<string, any> {
  const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8") : undefined);
  const state = JSON.parse(read("progress.json") ?? "{}");
  // Before its first change, a format 1 or 2 store is still one file.
  if (typeof state.version === "number" && state.version < 3) return state;
  const { version: _v, ...settings } = JSON.parse(read("settings.json") ?? "{}");
  const log = state.log?.file ? read(state.log.file) : undefined;
  // The answers as the store reads them back: a line that re-rates an answer is folded into it.
  const answers = foldLog((log ?? "").split("\n").filter(Boolean).map((l) => JSON.parse(l)));
  return { ...state, settings, answers };
}

/**
 * Replaces the store in `dir` with `data`. A format 1 or 2 object is written as its progress.json
 * (the store migrates it); a format 3 object with its settings and answers, as an export's body or
 * `emptyProgress()` has it, is written as format 3 keeps it: settings.json, the answer log and the
 * state.
 */
export function writeStore(dir: string, data: unknown): void {
  for (const f of readdirSync(dir)) if (f === "settings.json" || /^answers.*\.jsonl$/.test(f)) rmSync(join(dir, f));
  const p = data as Progress;
  if (p?.version !== 3 || !Array.isArray(p.answers)) {
    writeFileSync(join(dir, "progress.json"), JSON.stringify(data));
    return;
  }
  writeFileSync(join(dir, "settings.json"), JSON.stringify({ version: 1, ...p.settings }));
  const log = p.answers.map(logLine).join("");
  writeFileSync(join(dir, "answers.jsonl"), log);
  const { newAnswers: _n, ...state } = stateOf(p);
  state.log = { file: "answers.jsonl", bytes: Buffer.byteLength(log), answers: p.answers.length };
  writeFileSync(join(dir, "progress.json"), JSON.stringify(state));
}
