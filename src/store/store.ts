// Owns the progress file. conf finds the OS config directory and writes atomically; we check the
// file ourselves first, because conf's clearInvalidConfig would discard a learner's history.
import Conf from "conf";
import { existsSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import envPaths from "env-paths";
import { warn } from "../output.js";
import { emptyProgress, parseProgress, type Progress } from "./schema.js";

const FILE_NAME = "progress";

export class Store {
  private constructor(private readonly conf: Conf<Progress>) {}

  /** Where progress lives: API_ARCHITECT_CONFIG_DIR, or the OS config directory (XDG on Linux). */
  static dir(): string {
    return process.env.API_ARCHITECT_CONFIG_DIR || envPaths("api-architect", { suffix: "" }).config;
  }

  /** Opens the store, moving an unreadable file aside (and saying so) rather than losing it. */
  static open(dir = Store.dir()): Store {
    recoverIfCorrupt(join(dir, `${FILE_NAME}.json`));
    const conf = new Conf<Progress>({
      projectName: "api-architect",
      cwd: dir,
      configName: FILE_NAME,
      clearInvalidConfig: false,
      defaults: emptyProgress(),
    });
    return new Store(conf);
  }

  get path(): string {
    return this.conf.path;
  }

  /** A fresh read from disk, so that two terminals see each other's answers. */
  read(): Progress {
    return parseProgress(this.conf.store) ?? emptyProgress();
  }

  /** Read, change, write back (conf writes atomically: a temporary file, then a rename). */
  update(change: (p: Progress) => void): Progress {
    const p = this.read();
    change(p);
    this.conf.store = p;
    return p;
  }

  /** Forgets progress; settings (stack, colour) are kept. */
  reset(): void {
    const fresh = emptyProgress();
    fresh.settings = this.read().settings;
    this.conf.store = fresh;
  }
}

/** Checks the file before conf reads it; a broken one is renamed beside itself with a timestamp. */
export function recoverIfCorrupt(path: string, now = new Date()): string | undefined {
  if (!existsSync(path)) return undefined;
  let problem: string | undefined;
  try {
    const data = JSON.parse(readFileSync(path, "utf8"));
    if (!parseProgress(data)) problem = "it does not look like an api-architect progress file";
  } catch (e) {
    problem = e instanceof SyntaxError ? "it is not valid JSON" : `it cannot be read: ${(e as Error).message}`;
  }
  if (!problem) return undefined;
  const backup = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}`;
  renameSync(path, backup);
  warn(`progress file ${path} could not be used (${problem}); moved it to ${backup} and started a fresh one`);
  return backup;
}
