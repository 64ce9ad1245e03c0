// Owns the progress store: settings.json, progress.json and answers.jsonl in one folder (see
// schema.ts for what each holds).
//
// The rules that keep a learner's history safe:
// - Commands that only read never create, migrate or rewrite anything. The one exception is a
//   file that cannot be used (not JSON, the wrong shape, an export copied into place): it is
//   moved aside under the lock, with a one-line warning naming both paths, never wiped.
// - Every change takes the lock, reads the files again, applies the change and writes back, so
//   two terminals lose nothing. A change never starts from anything but the last good state: an
//   unusable file found at that moment is moved aside and this process's last good state is used.
// - The log is appended before the state is written (each state write is a rename). A writer
//   killed in between leaves answers in the log that the state has not seen: they are replayed.
// - Files from a newer version are never written: reading commands warn once and carry on
//   without progress, changing commands refuse.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import * as v from "valibot";
import { storeDir } from "../paths.js";
import { CliError, EXIT } from "../errors.js";
import { describeError, makeFolders, readJsonFile, writeAtomic } from "../files.js";
import { escapeControls } from "../escape.js";
import { warn } from "../output.js";
import { applyAnswer } from "../learn/record.js";
import { withLock, type Held } from "./lock.js";
import { appendLog, MAX_LOG_BYTES, readLog, writeLog } from "./log.js";
import { foldLog, migrateProgress, stateOf } from "./migrate.js";
import { emptyState, LOG_FILE, stateSchema, type Answer, type Progress, type ProgressState, type StoredState } from "./schema.js";
import { loadSettingsFile, parseSettings, settingsFile, type LoadedSettings, type Settings } from "./settings.js";

/** progress.json is small in format 3; format 2 kept the whole log inside, so allow for that once. */
const MAX_STATE_BYTES = 256 << 20;

/** A failure to use the store that the learner can act on: a message in words, exit 1. */
export class StoreError extends CliError {
  constructor(message: string) {
    super(message, EXIT.failure);
  }
}

type Loaded =
  | { kind: "missing" }
  | { kind: "current"; state: StoredState }
  | { kind: "migrated"; progress: Progress; from: number }
  | { kind: "newer"; version: number }
  | { kind: "export" }
  | { kind: "invalid"; problem: string }
  | { kind: "unusable"; problem: string };

function loadState(path: string): Loaded {
  const file = readJsonFile(path, MAX_STATE_BYTES);
  if (file.kind !== "ok") return file;
  const data = file.data;
  const r = migrateProgress(data);
  if (r.kind === "invalid") return { kind: "invalid", problem: `it does not look like an api-architect progress file (${r.problem})` };
  return r;
}

const stateJson = (p: StoredState | ProgressState): string => {
  const { newAnswers: _, ...stored } = p as ProgressState;
  return `${JSON.stringify(stored)}\n`;
};

export class Store {
  /** The state as last read, and the file identities it was read from. */
  private cached?: { key: string; logKey: string; state: ProgressState; answers?: Answer[] };
  /** The last state read or written successfully: where a change starts if the file is spoiled. */
  private lastGood?: StoredState;
  /** Why this process must not write (a newer or unusable file), once it is known. */
  private refusal?: string;
  private readonly warned = new Set<string>();

  constructor(readonly dir: string) {}

  /** Where progress lives: API_ARCHITECT_CONFIG_DIR, or the OS config directory (XDG on Linux). */
  static dir(): string {
    return storeDir();
  }

  /** Opening reads nothing: each command reads only the parts it needs. */
  static async open(dir = Store.dir()): Promise<Store> {
    return new Store(dir);
  }

  get path(): string {
    return join(this.dir, "progress.json");
  }
  get settingsPath(): string {
    return join(this.dir, "settings.json");
  }

  private warnOnce(message: string) {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    warn(escapeControls(message));
  }

  // ---- Settings

  private loadSettings(): LoadedSettings {
    return loadSettingsFile(this.settingsPath);
  }

  /** The learner's settings. Before the first change, a format 1 or 2 file still holds them. */
  settings(): Settings {
    const loaded = this.loadSettings();
    switch (loaded.kind) {
      case "ok":
        return loaded.settings;
      case "missing":
        // Format 3 always writes settings.json; without one, progress.json may be older and hold them.
        return existsSync(this.path) ? this.oldSettings() : {};
      case "newer":
        this.warnOnce(`settings file ${this.settingsPath} was written by a newer api-architect; using the defaults (update api-architect to use it)`);
        return {};
      case "unusable":
        this.warnOnce(`settings file ${this.settingsPath} cannot be used (${loaded.problem}); using the defaults`);
        return {};
      case "invalid":
        this.moveAsideIfStillBad(this.settingsPath, loaded.problem, "default settings are used", () => this.loadSettings().kind === "invalid");
        return {};
    }
  }

  /**
   * Settings still kept in a format 1 or 2 progress file. Read quietly: whatever is wrong with
   * progress.json is said by the commands that use progress, not by every command.
   */
  private oldSettings(): Settings {
    const key = identity(this.path);
    if (this.oldSettingsSeen?.key !== key) {
      const loaded = loadState(this.path);
      this.oldSettingsSeen = { key, settings: loaded.kind === "migrated" ? (parseSettings(loaded.progress.settings) ?? {}) : {} };
    }
    return structuredClone(this.oldSettingsSeen.settings);
  }

  private oldSettingsSeen?: { key: string; settings: Settings };

  /** Changes settings under the store's lock. */
  async updateSettings(change: (s: Settings) => void): Promise<Settings> {
    this.ensureDir();
    return withLock(this.path, async (held) => {
      const loaded = this.loadSettings();
      if (loaded.kind === "newer") throw new StoreError(`settings file ${this.settingsPath} was written by a newer api-architect; update api-architect to change settings`);
      if (loaded.kind === "unusable") throw new StoreError(`settings file ${this.settingsPath} cannot be used (${loaded.problem}); move it away and try again`);
      let s: Settings = {};
      if (loaded.kind === "ok") s = loaded.settings;
      else if (loaded.kind === "invalid") {
        held.check();
        this.moveAside(this.settingsPath, loaded.problem, "default settings are used");
      } else if (existsSync(this.path)) {
        s = this.oldSettings();
      }
      const next = structuredClone(s);
      change(next);
      held.check();
      this.guard(() => writeAtomic(this.settingsPath, settingsFile(next)));
      return next;
    });
  }

  // ---- Progress

  /** The log a state uses. */
  private logOf(state: StoredState): string {
    return join(this.dir, state.log.file);
  }

  /**
   * Where answers are when no state says (progress.json missing or moved aside): the log written
   * last, replayed from its start.
   */
  private orphanLog(): StoredState["log"] {
    let newest: { file: string; mtime: number } | undefined;
    try {
      for (const file of readdirSync(this.dir)) {
        if (!LOG_FILE.test(file)) continue;
        const st = statQuiet(join(this.dir, file));
        if (typeof st === "object" && st.isFile() && (!newest || st.mtimeMs > newest.mtime)) newest = { file, mtime: st.mtimeMs };
      }
    } catch {
      // No folder, no log.
    }
    return { file: newest?.file ?? "answers.jsonl", bytes: 0, answers: 0 };
  }

  /**
   * The learner's progress, read from disk when it has changed since the last read, so that two
   * terminals see each other's answers. Treat it as read-only; change progress with update().
   */
  read(): ProgressState {
    const key = identity(this.path);
    const c = this.cached;
    if (c && c.key === key && identity(this.logOf(c.state)) === c.logKey) return c.state;
    const loaded = loadState(this.path);
    let state: ProgressState;
    let answers: Answer[] | undefined;
    switch (loaded.kind) {
      case "missing":
        state = this.withLogReplayed({ ...emptyState(), log: this.orphanLog() });
        break;
      case "current":
        state = this.withLogReplayed({ ...loaded.state, newAnswers: [] });
        this.lastGood = loaded.state;
        break;
      case "migrated":
        // Migrated in memory only; the first change writes the new format (keeping a backup).
        state = stateOf(loaded.progress);
        answers = loaded.progress.answers;
        break;
      case "newer":
        this.refusal = newerMessage(this.path, loaded.version);
        this.warnOnce(`${this.refusal}; showing no progress, and nothing will be saved`);
        state = emptyState();
        break;
      case "unusable":
        this.refusal = `progress file ${this.path} cannot be used (${loaded.problem}); move it away and try again`;
        this.warnOnce(`${this.refusal}; showing no progress`);
        state = emptyState();
        break;
      case "export":
      case "invalid": {
        const { problem, after } = spoiled(loaded);
        this.moveAsideIfStillBad(this.path, problem, after, () => {
          const again = loadState(this.path).kind;
          return again === "invalid" || again === "export";
        });
        state = this.withLogReplayed(this.lastGood ? { ...structuredClone(this.lastGood), newAnswers: [] } : { ...emptyState(), log: this.orphanLog() });
        break;
      }
    }
    this.cached = { key: identity(this.path), logKey: identity(this.logOf(state)), state, answers };
    return state;
  }

  /** State plus what a killed writer had appended to the log but not yet to the state. */
  private withLogReplayed(state: ProgressState): ProgressState {
    const path = this.logOf(state);
    const st = statQuiet(path);
    const size = typeof st === "object" ? st.size : 0;
    if (size === state.log.bytes) return state;
    if (size < state.log.bytes) {
      if (typeof st === "object") this.warnOnce(`answer log ${path} is shorter than progress.json expects; the figures keep what they knew`);
      return { ...state, log: { ...state.log, bytes: size } };
    }
    let tail;
    try {
      tail = readLog(path, state.log.bytes);
    } catch (e) {
      this.warnOnce(`answer log ${path} cannot be read (${describeError(e)}); its latest answers are left out`);
      return state;
    }
    const next: ProgressState = structuredClone(state);
    for (const a of tail.answers) applyAnswer(next, a);
    next.log = { ...state.log, bytes: tail.end, answers: state.log.answers + tail.answers.length };
    return next;
  }

  /** Read, change, write back, holding the lock so no other process writes in between. */
  async update(change: (p: ProgressState) => void | Promise<void>): Promise<ProgressState> {
    return this.transact(async (t) => {
      await change(t.state);
    });
  }

  /** Forgets progress: lessons, answers, cards, time, days, marks, labs. Settings are kept. */
  async reset(): Promise<void> {
    await this.transact(async (t) => {
      t.replaceAll(emptyProgressFrom());
    });
  }

  /** The whole store as one object, the log included: what an export carries. */
  exportAll(): Progress {
    const state = this.read();
    if (this.refusal) throw new StoreError(this.refusal);
    const answers = this.cached?.answers ?? this.readWholeLog(state);
    const { questions: _q, log: _l, newAnswers: _n, ...rest } = state;
    return { ...rest, settings: { ...this.settings() }, answers };
  }

  private readWholeLog(state: StoredState): Answer[] {
    const path = this.logOf(state);
    try {
      let log = readLog(path);
      if (!existsSync(path) && state.log.bytes) {
        // Replaced by a writer since the state was read: read the state again, once.
        this.cached = undefined;
        const again = this.read();
        log = readLog(this.logOf(again));
      }
      if (log.skipped) this.warnOnce(`${log.skipped} line${log.skipped === 1 ? "" : "s"} of the answer log ${path} could not be read and ${log.skipped === 1 ? "is" : "are"} left out`);
      return foldLog(log.answers);
    } catch (e) {
      throw new StoreError(`cannot read the answer log ${path}: ${describeError(e)}`);
    }
  }

  /** Replaces the whole store with what `change` makes of it, under the lock (imports). */
  async replace(change: (whole: Progress) => Progress): Promise<Progress> {
    let result!: Progress;
    await this.transact(async (t) => {
      result = change(t.whole());
      t.replaceAll(result);
    });
    return result;
  }

  private ensureDir() {
    if (this.refusal) throw new StoreError(this.refusal);
    const st = statQuiet(this.dir);
    if (typeof st === "object" && !st.isDirectory()) throw new StoreError(`cannot save progress in ${this.dir}: it is a file, not a folder`);
    try {
      makeFolders(this.dir);
    } catch (e) {
      throw new StoreError(`cannot save progress in ${this.dir}: ${describeError(e)}`);
    }
  }

  /** Runs a write step, turning a system error into a message in words. */
  private guard<T>(step: () => T): T {
    try {
      return step();
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new StoreError(`cannot save progress in ${this.dir}: ${describeError(e)}; nothing was changed`);
    }
  }

  private async transact(work: (t: Transaction) => Promise<void>): Promise<ProgressState> {
    this.ensureDir();
    return withLock(this.path, async (held) => {
      const t = this.begin(held);
      await work(t);
      return this.commit(t, held);
    });
  }

  private begin(held: Held): Transaction {
    const loaded = loadState(this.path);
    let base: ProgressState;
    let rewrite: Answer[] | undefined;
    let migratedFrom: number | undefined;
    let oldSettings: Record<string, unknown> | undefined;
    switch (loaded.kind) {
      case "missing":
        base = { ...emptyState(), log: this.orphanLog() };
        break;
      case "current":
        base = { ...loaded.state, newAnswers: [] };
        break;
      case "migrated":
        base = stateOf(loaded.progress);
        rewrite = loaded.progress.answers;
        migratedFrom = loaded.from;
        oldSettings = loaded.progress.settings;
        break;
      case "newer":
        throw new StoreError(newerMessage(this.path, loaded.version));
      case "unusable":
        throw new StoreError(`progress file ${this.path} cannot be used (${loaded.problem}); move it away and try again`);
      case "export":
      case "invalid": {
        const { problem, after } = spoiled(loaded);
        held.check();
        this.moveAside(this.path, problem, after);
        base = this.lastGood ? { ...structuredClone(this.lastGood), newAnswers: [] } : { ...emptyState(), log: this.orphanLog() };
        break;
      }
    }
    if (!rewrite) base = this.withLogReplayed(base);
    const start = base;
    return new Transaction(structuredClone(base), base, rewrite, migratedFrom, oldSettings, () => this.readWholeLog(start));
  }

  private commit(t: Transaction, held: Held): ProgressState {
    const p = t.state;
    const added = p.newAnswers;
    const { newAnswers: _, ...stored } = p;
    // Never write what could not be read back: NaN, a date that is not a date, a stray field.
    const check = v.safeParse(stateSchema, stored);
    if (!check.success) throw new Error(`refusing to save progress that does not match its schema: ${check.issues[0].message} at ${(check.issues[0].path ?? []).map((x) => String(x.key)).join(".")}`);
    held.check();
    this.guard(() => {
      if (t.migratedFrom !== undefined && existsSync(this.path)) copyFileSync(this.path, `${this.path}.v${t.migratedFrom}.bak`);
      // Format 3 always has a settings file, so reading settings never needs progress.json.
      if (!existsSync(this.settingsPath)) writeAtomic(this.settingsPath, settingsFile(parseSettings(t.oldSettings ?? {}) ?? {}));
      const rewrite = t.rewrite;
      if (rewrite) {
        // A new file: the old one stays in use until the state that names the new one is in place.
        const all = foldLog([...rewrite, ...added]);
        const file = `answers-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.jsonl`;
        const bytes = writeLog(join(this.dir, file), all, MAX_LOG_BYTES);
        p.log = { file, bytes, answers: all.length };
      } else {
        const path = this.logOf(t.base);
        const size = statQuiet(path);
        if (added.length || (typeof size === "object" && size.size !== t.base.log.bytes)) {
          const bytes = appendLog(path, added, t.base.log.bytes);
          p.log = { ...t.base.log, bytes, answers: t.base.log.answers + added.length };
        }
      }
      held.check();
      writeAtomic(this.path, stateJson(p));
      this.removeOtherLogs(p.log.file);
    });
    p.newAnswers = [];
    const { newAnswers: _n, ...good } = p;
    this.lastGood = structuredClone(good);
    this.cached = { key: identity(this.path), logKey: identity(this.logOf(p)), state: p };
    return p;
  }

  /** Logs no state names any more (replaced, or left by a writer killed before switching). */
  private removeOtherLogs(current: string) {
    try {
      for (const file of readdirSync(this.dir)) if (LOG_FILE.test(file) && file !== current) rmSync(join(this.dir, file), { force: true });
    } catch {
      // Tidying only.
    }
  }

  /**
   * Moves an unusable file aside, if no other process is writing and the file is still unusable
   * once the lock is held; says so in one line naming both paths.
   */
  private moveAsideIfStillBad(path: string, problem: string, after: string, stillBad: () => boolean) {
    const lockPath = `${this.path}.lock`;
    const untouched = `${path} cannot be used (${problem}); ${after.replace("{backup}", "that file")}`;
    try {
      // The store's lock, taken without waiting: if another process holds it, that process will
      // meet the same file and move it aside itself.
      mkdirSync(lockPath);
    } catch {
      this.warnOnce(untouched);
      return;
    }
    try {
      if (stillBad()) this.moveAside(path, problem, after);
    } catch (e) {
      this.warnOnce(`${untouched} (it could not be moved aside: ${describeError(e)})`);
    } finally {
      try {
        rmdirSync(lockPath);
      } catch {
        // Gone already.
      }
    }
  }

  private moveAside(path: string, problem: string, after: string) {
    if (!lstatSync(path, { throwIfNoEntry: false })) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    let backup = `${path}.corrupt-${stamp}`;
    for (let n = 1; lstatSync(backup, { throwIfNoEntry: false }); n++) backup = `${path}.corrupt-${stamp}-${n}`;
    renameSync(path, backup);
    this.warnOnce(`${path} could not be used (${problem}); moved it to ${backup}; ${after.replace("{backup}", backup)}`);
  }
}

/** A change in progress: the state to change, and the whole store when an import needs it. */
class Transaction {
  constructor(
    readonly state: ProgressState,
    readonly base: ProgressState,
    public rewrite: Answer[] | undefined,
    readonly migratedFrom: number | undefined,
    readonly oldSettings: Record<string, unknown> | undefined,
    private readonly log: () => Answer[],
  ) {}

  /** The store as one object, its whole log included. */
  whole(): Progress {
    const { questions: _q, log: _l, newAnswers: _n, ...rest } = this.state;
    return { ...rest, settings: {}, answers: this.rewrite ?? this.log() };
  }

  /** Replaces everything: the state is rebuilt from `p`, the log rewritten from its answers. */
  replaceAll(p: Progress) {
    const next = stateOf(p);
    for (const k of Object.keys(this.state) as (keyof ProgressState)[]) delete this.state[k];
    Object.assign(this.state, next);
    this.rewrite = p.answers;
  }
}

/** What changes when a file is replaced or written: for knowing when to read it again. */
function identity(path: string): string {
  const st = statQuiet(path);
  return typeof st === "string" ? st : st ? `${st.ino}:${st.size}:${st.mtimeMs}` : "-";
}

/** A file's identity for caching, undefined if it is missing, or a word if it cannot even be looked at. */
function statQuiet(path: string): import("node:fs").Stats | string | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? "error";
  }
}

function emptyProgressFrom(): Progress {
  return { version: 3, settings: {}, lessons: {}, answers: [], cards: {}, time: {}, days: [], marks: {}, labs: {} };
}

function newerMessage(path: string, version: number): string {
  return `progress file ${path} was written by a newer api-architect (format ${version}); update api-architect to use it`;
}

function spoiled(loaded: { kind: "export" } | { kind: "invalid"; problem: string }): { problem: string; after: string } {
  if (loaded.kind === "export") {
    return { problem: "it is a progress export, not a progress file", after: "to bring its answers in, run `api-architect progress import {backup}`" };
  }
  return { problem: loaded.problem, after: "a fresh one is started" };
}
