// Faults and hostile input (issue 15, "The store and its lock" and "Input"): each ends in one
// line of words and the right exit code, at once; nothing hangs, nothing is lost, nothing raw
// reaches the terminal, and "unexpected error" (kept for real bugs) never appears.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, cleanup, cli, ERRNO, tempDir, testEnv } from "../helpers.js";
import { emptyProgress } from "../../src/store/schema.js";
import { exportDocument } from "../../src/learn/transfer.js";

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = tempDir();
  env = testEnv(dir);
});
afterEach(() => cleanup(dir));

// eslint-disable-next-line no-control-regex
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A run that must end at once, in one line of words, with this exit code. */
function oneLine(r: { status: number | null; stderr: string; stdout?: string }, code: number, message: RegExp) {
  expect(r.status).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
  expect(r.stderr).not.toMatch(ERRNO);
}

function timed(args: string[], e = env, input?: string) {
  const started = Date.now();
  const r = cli(args, e, input);
  return { ...r, ms: Date.now() - started };
}

const isRoot = process.getuid?.() === 0;
const canMount = (() => {
  if (!isRoot) return false;
  const probe = tempDir("aa-mount-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    cleanup(probe);
  }
})();

describe("input", () => {
  it.each([
    [["config", "set", "stack", "__proto__"], /unknown stack "__proto__"/],
    [["config", "set", "stack", "constructor"], /unknown stack "constructor"/],
    [["config", "set", "__proto__", "x"], /unknown setting "__proto__"/],
    [["config", "get", "constructor"], /unknown setting "constructor"/],
    [["config", "get", "toString"], /unknown setting "toString"/],
    [["learn", "1", "--stack", "__proto__"], /unknown stack "__proto__"/],
  ])("%j is refused with exit 2 and changes nothing", (args, message) => {
    expect(cli(["config", "set", "stack", "php"], env).status).toBe(0);
    const before = readFileSync(join(dir, "settings.json"), "utf8");
    oneLine(cli(args, env), 2, message);
    expect(readFileSync(join(dir, "settings.json"), "utf8")).toBe(before);
    expect(cli(["config", "get", "stack"], env).stdout.trim()).toBe("php");
    expect(readdirSync(dir).filter((f) => f.includes(".corrupt-"))).toEqual([]);
  });

  it("progress import /dev/zero stops at the size limit", () => {
    const r = timed(["progress", "import", "/dev/zero", "--yes"]);
    oneLine(r, 2, /cannot import \/dev\/zero: it is larger than 64 MB; nothing was changed/);
    expect(r.ms).toBeLessThan(10_000);
  });

  it("reads an import piped from a slow producer (no EAGAIN)", async () => {
    const p = emptyProgress();
    p.answers.push({ module: "http-basics", question: "get-safe", choice: "GET", correct: true, at: "2026-01-01T10:00:00.000Z", rating: 3, source: "quiz" });
    const text = JSON.stringify(exportDocument(p));
    const child = spawn(process.execPath, [BIN, "progress", "import", "-", "--yes"], { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const exited = new Promise<number | null>((r) => child.on("exit", r));
    child.stdin.write(text.slice(0, 40));
    await new Promise((r) => setTimeout(r, 700));
    child.stdin.end(text.slice(40));
    expect(await exited).toBe(0);
    expect(err).toBe("");
    expect(out).toContain("Imported.");
  });

  it.each([
    ["one 100 KB word", ["search", "a".repeat(100_000)], /a search is at most 200 characters/],
    ["15,000 words", ["search", ...Array.from({ length: 15_000 }, (_, i) => `w${i % 10}`)], /a search is at most 200 characters/],
    ["13 short words", ["search", ..."a b c d e f g h i j k l m".split(" ")], /a search is at most 12 words/],
    ["a 50-letter word", ["search", "x".repeat(50)], /a search word is at most 40 characters/],
  ])("search with %s is refused at once", (_name, args, message) => {
    const r = timed(args);
    oneLine(r, 2, message);
    expect(r.ms).toBeLessThan(5_000);
  });

  it.each([
    [["\u001b]0;pwned\u0007"], /unknown command "\\x1b\]0;pwned\\x07"/],
    [["learn", "\u009b31mred"], /unknown module "\\x9b31mred"/],
    [["config", "set", "stack", "\u001b[2J"], /unknown stack "\\x1b\[2J"/],
    [["explain", "zz\u001b]52;c;aGk=\u0007"], /no entry for "zz\\x1b\]52;c;aGk=\\x07"/],
    [["search", "qqqzzz\u001b[31m"], /nothing in the course matches "qqqzzz\\x1b\[31m"/],
    [["learn", "--sectoin\u001b[H"], /unknown option '--sectoin\\x1b\[H'/],
  ])("echoes %j with its control characters made visible", (args, message) => {
    const r = cli(args, env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(RAW_CONTROLS);
    expect(r.stderr).not.toMatch(/unexpected error/);
  });

  it("strips control characters from an import, and no output carries one", () => {
    const p = emptyProgress();
    p.answers.push({ module: "http-basics", question: "get-safe\u009b2J", choice: "\u001b]0;x\u0007GET\u0085", correct: true, at: "2026-01-01T10:00:00.000Z", rating: 3, source: "quiz" });
    writeFileSync(join(dir, "in.json"), JSON.stringify(exportDocument(p)));
    expect(cli(["progress", "import", join(dir, "in.json"), "--yes"], env).status).toBe(0);
    for (const args of [["progress", "--json"], ["progress", "export"], ["progress"], ["roadmap", "--json"]]) {
      const r = cli(args, env);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROLS);
    }
    const exported = JSON.parse(cli(["progress", "export"], env).stdout);
    expect(exported.progress.answers[0]).toMatchObject({ question: "get-safe2J", choice: "]0;xGET" });
  });

  it.each([["learn", "1", "--plain"], ["--help"], ["modules", "--json"], ["progress", "export"]])("stdout on a full disk (%j): one line, exit 1", (...args) => {
    const fd = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], { env, stdio: ["ignore", fd, "pipe"], encoding: "utf8", timeout: 20_000 });
      oneLine(r, 1, /cannot write the output: the disk is full/);
    } finally {
      closeSync(fd);
    }
  });
});

describe("the store and its lock", () => {
  it("a config folder that is a file: changes fail at once in words; reading works", () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    const e = testEnv(dir, { API_ARCHITECT_CONFIG_DIR: file });
    const r = timed(["config", "set", "stack", "php"], e);
    oneLine(r, 1, /cannot save progress in .*a-file: it is a file, not a folder/);
    expect(r.ms).toBeLessThan(3_000);
    expect(cli(["learn", "1", "--plain"], e).status).toBe(0);
    const p = cli(["progress", "--json"], e);
    expect(p.status).toBe(0);
    expect(p.stderr).toBe("");
  });

  it("a file where the lock folder goes: fails at once in words", () => {
    writeFileSync(join(dir, "progress.json.lock"), "");
    const r = timed(["roadmap", "mark", "start", "json", "done"]);
    oneLine(r, 1, /progress\.json\.lock should be a folder \(the lock\) but something else is there; remove it/);
    expect(r.ms).toBeLessThan(3_000);
  });

  it.skipIf(!existsSync("/sys/kernel"))("a folder where nothing may be made (/sys): fails at once in words", () => {
    const e = testEnv(dir, { API_ARCHITECT_CONFIG_DIR: "/sys/kernel/api-architect-test" });
    const r = timed(["config", "set", "stack", "php"], e);
    oneLine(r, 1, /cannot save progress in \/sys\/kernel\/api-architect-test: (the operation is not permitted|permission denied)/);
    expect(r.ms).toBeLessThan(3_000);
    expect(cli(["learn", "1", "--plain"], e).status).toBe(0);
  });

  // Runs as `nobody`, who must be able to reach the program: a checkout inside a private folder
  // (a fresh clone under mktemp -d is 0700) cannot be run by anyone else, and the case is skipped.
  const nobodyCanRun =
    isRoot && spawnSync(process.execPath, ["-e", `require("fs").accessSync(${JSON.stringify(BIN)})`], { uid: 65534, gid: 65534 }).status === 0;
  it.skipIf(!nobodyCanRun)("a folder owned by someone else: fails at once in words; reading works", () => {
    const outer = join(dir, "outer");
    mkdirSync(join(outer, "cfg"), { recursive: true });
    chmodSync(dir, 0o755);
    chmodSync(outer, 0o700); // root's; the command runs as nobody
    const e = testEnv(dir, { API_ARCHITECT_CONFIG_DIR: join(outer, "cfg"), API_ARCHITECT_CACHE_DIR: join(dir, "nobody-cache"), HOME: dir });
    mkdirSync(join(dir, "nobody-cache"));
    chmodSync(join(dir, "nobody-cache"), 0o777);
    const asNobody = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env: e, encoding: "utf8", uid: 65534, gid: 65534, timeout: 20_000 });
    const started = Date.now();
    oneLine(asNobody(["config", "set", "stack", "php"]), 1, /cannot save progress in .*cfg: permission denied/);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(asNobody(["learn", "1", "--plain"]).status).toBe(0);
  });

  describe.skipIf(!canMount)("on a small file system of its own", () => {
    let mnt: string;
    beforeEach(() => {
      mnt = join(dir, "mnt");
      mkdirSync(mnt);
    });
    afterEach(() => {
      spawnSync("umount", [mnt]);
    });
    const mount = (opts: string) => execFileSync("mount", ["-t", "tmpfs", "-o", opts, "tmpfs", mnt]);

    it("a full disk: the change fails at once in words and the store is as it was", () => {
      mount("size=64k");
      const e = testEnv(dir, { API_ARCHITECT_CONFIG_DIR: join(mnt, "cfg") });
      expect(cli(["config", "set", "stack", "php"], e).status).toBe(0);
      writeFileSync(join(mnt, "filler"), Buffer.alloc(60_000));
      const p = emptyProgress();
      for (let i = 0; i < 300; i++) p.answers.push({ module: "http-basics", question: "get-safe", choice: `c${i}`, correct: true, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), rating: 3, source: "quiz" });
      writeFileSync(join(dir, "in.json"), JSON.stringify(exportDocument(p)));
      const r = timed(["progress", "import", join(dir, "in.json"), "--yes"], e);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/the disk is full/);
      expect(r.stderr).not.toMatch(/unexpected error/);
      expect(r.stderr).not.toMatch(ERRNO);
      expect(r.ms).toBeLessThan(3_000);
      expect(cli(["config", "get", "stack"], e).stdout.trim()).toBe("php");
      expect(cli(["progress", "--json"], e).status).toBe(0);
    });

    it("no free inodes: fails at once in words", () => {
      mount("size=1m,nr_inodes=3");
      mkdirSync(join(mnt, "cfg"));
      const r = timed(["config", "set", "stack", "php"], testEnv(dir, { API_ARCHITECT_CONFIG_DIR: join(mnt, "cfg") }));
      oneLine(r, 1, /the disk is full \(no space or no free inodes left\)/);
      expect(r.ms).toBeLessThan(3_000);
    });

    it("a read-only file system with no store yet: reading works and makes nothing; changing fails in words", () => {
      mount("size=64k");
      execFileSync("mount", ["-o", "remount,ro", mnt]);
      const e = testEnv(dir, { API_ARCHITECT_CONFIG_DIR: join(mnt, "cfg"), API_ARCHITECT_CACHE_DIR: join(mnt, "cache") });
      const learn = cli(["learn", "1", "--plain"], e);
      expect(learn.status).toBe(0);
      expect(learn.stderr).toBe("");
      expect(cli(["progress", "--json"], e).status).toBe(0);
      oneLine(timed(["config", "set", "stack", "php"], e), 1, /cannot save progress in .*cfg: the file system is read-only/);
    });
  });

  it.each([
    ["a FIFO", (p: string) => execFileSync("mkfifo", [p])],
    ["a link to /dev/zero", (p: string) => symlinkSync("/dev/zero", p)],
    ["a link loop", (p: string) => (symlinkSync(`${p}.b`, p), symlinkSync(p, `${p}.b`))],
  ])("progress.json as %s: reading warns and carries on, changing refuses; nothing hangs", (_name, make) => {
    make(join(dir, "progress.json"));
    const read = timed(["progress", "--json"]);
    expect(read.status).toBe(0);
    expect(read.ms).toBeLessThan(5_000);
    expect(read.stderr).toMatch(/cannot be used \((it is not a regular file|it is a loop of symbolic links)/);
    expect(read.stderr).not.toMatch(/unexpected error/);
    const write = timed(["roadmap", "mark", "start", "json", "done"]);
    oneLine(write, 1, /progress file .* cannot be used .*; move it away and try again/);
    expect(write.ms).toBeLessThan(5_000);
  });

  it("an export copied over progress.json is recognised, kept, and the message says how to import it", () => {
    const p = emptyProgress();
    p.answers.push({ module: "http-basics", question: "get-safe", choice: "GET", correct: true, at: "2026-01-01T10:00:00.000Z", rating: 3, source: "quiz" });
    writeFileSync(join(dir, "progress.json"), JSON.stringify(exportDocument(p)));
    const r = cli(["progress", "--json"], env);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).answers).toBe(0);
    const command = /run `(api-architect progress import [^`]+)`/.exec(r.stderr)?.[1];
    expect(r.stderr).toMatch(/is a progress export, not a progress file/);
    expect(command).toBeDefined();
    expect(cli([...command!.split(" ").slice(1), "--yes"], env).status).toBe(0);
    expect(JSON.parse(cli(["progress", "--json"], env).stdout).answers).toBe(1);
  });

  it("a file from a newer version: a lesson prints without a word; reading warns once; changing refuses", () => {
    const newer = JSON.stringify({ version: 4, somethingNew: [1, 2, 3] });
    writeFileSync(join(dir, "progress.json"), newer);
    const learn = cli(["learn", "1", "--plain"], env);
    expect(learn.status).toBe(0);
    expect(learn.stderr).toBe("");
    const progress = cli(["progress", "--json"], env);
    expect(progress.status).toBe(0);
    expect(progress.stderr.trim().split("\n")).toHaveLength(1);
    expect(progress.stderr).toMatch(/written by a newer api-architect \(format 4\).*nothing will be saved/);
    oneLine(cli(["roadmap", "mark", "start", "json", "done"], env), 1, /written by a newer api-architect \(format 4\); update api-architect/);
    expect(readFileSync(join(dir, "progress.json"), "utf8")).toBe(newer);
  });

  it("cards from a machine whose clock ran ahead, and absurd numbers, show figures, never NaN or null", () => {
    const p = emptyProgress();
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString();
    p.answers.push({ module: "http-basics", question: "get-safe", choice: "GET", correct: true, at: future, rating: 3, source: "quiz" });
    p.cards["http-basics/get-safe"] = { due: future, stability: -4, difficulty: 1e300, elapsed_days: -2, scheduled_days: 3, learning_steps: 0, reps: 1, lapses: 0, state: 2, last_review: future };
    writeFileSync(join(dir, "in.json"), JSON.stringify(exportDocument(p)));
    expect(cli(["progress", "import", join(dir, "in.json"), "--yes"], env).status).toBe(0);
    const r = cli(["progress", "--json"], env);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|null,\s*"due"|"mastery": null/);
    const mastery = JSON.parse(r.stdout).perModule[0].mastery;
    expect(Number.isFinite(mastery)).toBe(true);
    expect(cli(["modules"], env).stdout).not.toMatch(/NaN/);
  });
});
