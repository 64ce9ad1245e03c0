// Owns the progress file. conf finds the place and writes atomically (a temporary file, then a
// rename), so a killed process leaves the old file or the new one. We check the file ourselves
// first, because conf's clearInvalidConfig would discard a learner's history, and we lock around
// every read-modify-write, so two terminals answering at once lose nothing.
import Conf from "conf";
import { copyFileSync, existsSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import envPaths from "env-paths";
import { CliError, EXIT } from "../errors.js";
import { warn } from "../output.js";
import { emptyProgress, parseProgress, type Progress } from "./schema.js";

const FILE_NAME = "progress";

export class Store {
  private constructor(private readonly conf: Conf<Progress>) {}

  /** Where progress lives: API_ARCHITECT_CONFIG_DIR, or the OS config directory (XDG on Linux). */
  static dir(): string {
    return process.env.API_ARCHITECT_CONFIG_DIR || envPaths("api-architect", { suffix: "" }).config;
  }

  /** Opens the store: migrates an older file (keeping a copy), moves an unreadable one aside. */
  static async open(dir = Store.dir()): Promise<Store> {
    const path = join(dir, `${FILE_NAME}.json`);
    const migrated = await prepareFile(path);
    const conf = new Conf<Progress>({
      projectName: "api-architect",
      cwd: dir,
      configName: FILE_NAME,
      clearInvalidConfig: false,
      defaults: emptyProgress(),
    });
    if (migrated) conf.store = migrated;
    return new Store(conf);
  }

  get path(): string {
    return this.conf.path;
  }

  /** A fresh read from disk, so that two terminals see each other's answers. */
  read(): Progress {
    return parseProgress(this.conf.store) ?? emptyProgress();
  }

  /** Read, change, write back, holding the lock so no other process writes in between. */
  async update(change: (p: Progress) => void): Promise<Progress> {
    // Loaded on the first write: commands that only read never pay for it.
    const { default: lockfile } = await import("proper-lockfile");
    const release = await lockfile.lock(this.path, {
      realpath: false,
      // A lock older than this was left by a killed process; writes take milliseconds.
      stale: 3_000,
      retries: { retries: 200, factor: 1.3, minTimeout: 5, maxTimeout: 100, randomize: true },
    });
    try {
      const p = this.read();
      change(p);
      this.conf.store = p;
      return p;
    } finally {
      await release();
    }
  }

  /** Forgets progress; settings (stack, colour) are kept. */
  async reset(): Promise<void> {
    await this.update((p) => {
      const settings = p.settings;
      Object.assign(p, emptyProgress(), { settings });
    });
  }
}

/**
 * Looks at the file before conf does. Returns migrated data to write, if the file was an older
 * format (a copy of the original is kept beside it); moves an unreadable file aside.
 */
export async function prepareFile(path: string, now = new Date()): Promise<Progress | undefined> {
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    moveAside(path, e instanceof SyntaxError ? "it is not valid JSON" : `it cannot be read: ${(e as Error).message}`, now);
    return undefined;
  }
  if (parseProgress(data)) return undefined;
  // Only an older (or broken) file needs the migrations, and with them the scheduler.
  const { migrate } = await import("./migrate.js");
  const result = migrate(data);
  if (result.kind === "current") return undefined;
  if (result.kind === "newer") {
    throw new CliError(`progress file ${path} was written by a newer api-architect (format ${result.version}); update api-architect to use it`, EXIT.failure);
  }
  if (result.kind === "invalid") {
    moveAside(path, "it does not look like an api-architect progress file", now);
    return undefined;
  }
  copyFileSync(path, `${path}.v${result.from}.bak`);
  return result.progress;
}

function moveAside(path: string, problem: string, now: Date): string {
  const backup = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}`;
  renameSync(path, backup);
  warn(`progress file ${path} could not be used (${problem}); moved it to ${backup} and started a fresh one`);
  return backup;
}
