// What the speed work keeps in the cache folder (code caches, rendered lessons, compiled
// courses, stamps) must never change what a learner sees: a cached lesson is the lesson, an edit
// to the course shows at once, and a cache folder that cannot be used costs speed, nothing else.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cpSync, existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { BIN, cleanup, cli, FIXTURE, ROOT, tempDir, testEnv } from "../helpers.js";

let dir: string;
let course: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = tempDir();
  course = join(dir, "course");
  cpSync(FIXTURE, course, { recursive: true });
  env = testEnv(dir, { API_ARCHITECT_CONTENT: course });
});
afterEach(() => cleanup(dir));

const cache = () => join(dir, "cache");
const lesson = (args: string[] = [], e = env) => {
  const r = cli(["learn", "1", "--plain", ...args], e);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
};

describe("rendered lessons", () => {
  it("a repeat view is the same text as a first view, for each width, stack and colour", () => {
    const cases: [string[], Record<string, string>][] = [
      [[], {}],
      [["--stack", "all"], { COLUMNS: "44" }],
      [["--section", "handler"], { FORCE_COLOR: "1" }],
      [["--stack", "php"], { COLUMNS: "100", FORCE_COLOR: "1" }],
    ];
    const seen = new Set<string>();
    for (const [extra, vars] of cases) {
      const e = testEnv(dir, { API_ARCHITECT_CONTENT: course, ...vars });
      const fresh = testEnv(dir, { API_ARCHITECT_CONTENT: course, ...vars, API_ARCHITECT_CACHE_DIR: join(dir, `fresh-${seen.size}`) });
      const first = lesson(extra, e);
      expect(lesson(extra, e)).toBe(first);
      expect(lesson(extra, fresh)).toBe(first);
      seen.add(first);
    }
    expect(seen.size).toBe(cases.length);
    expect(lesson(["--stack", "php"])).not.toBe(lesson(["--stack", "python"]));
  });

  it("an edit to the course shows at once; new file times alone change nothing", () => {
    const before = lesson();
    const file = join(course, "modules", "01-http-basics", "lesson.md");
    utimesSync(file, new Date("1985-10-26"), new Date("1985-10-26"));
    expect(lesson()).toBe(before);
    writeFileSync(file, readFileSync(file, "utf8").replace("A request names a", "A request, edited, names a"));
    const after = lesson();
    expect(after).not.toBe(before);
    expect(after).toContain("A request, edited, names a");
  });

  it("an FAQ answer printed before is the same text, kept per width; an edit shows at once", () => {
    const faq = (vars: Record<string, string> = {}) => {
      const r = cli(["faq", "http"], { ...env, ...vars });
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const first = faq();
    const fresh = cli(["faq", "http"], { ...env, API_ARCHITECT_CACHE_DIR: join(dir, "fresh-faq") }).stdout;
    expect(faq()).toBe(first);
    expect(fresh).toBe(first);
    expect(faq({ COLUMNS: "40" })).not.toBe(first);
    const file = join(course, "faq", "why-http.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n\n([A-Z])/, "\n\nEdited. $1"));
    expect(faq()).toContain("Edited.");
  });

  it("a change of stack setting is a different rendering", () => {
    expect(cli(["config", "set", "stack", "python"], env).status).toBe(0);
    const python = lesson();
    expect(cli(["config", "set", "stack", "php"], env).status).toBe(0);
    expect(lesson()).not.toBe(python);
  });
});

describe("a cache folder that cannot be used", () => {
  it.each([
    ["a file", (p: string) => writeFileSync(p, "")],
    ["a folder of junk", (p: string) => {
      cpSync(FIXTURE, p, { recursive: true });
    }],
  ])("(%s) costs speed, nothing else", (_name, make) => {
    const where = join(dir, "bad-cache");
    make(where);
    const e = testEnv(dir, { API_ARCHITECT_CONTENT: course, API_ARCHITECT_CACHE_DIR: where });
    const expected = lesson([], testEnv(dir, { API_ARCHITECT_CONTENT: course, API_ARCHITECT_CACHE_DIR: join(dir, "good") }));
    expect(lesson([], e)).toBe(expected);
    expect(lesson([], e)).toBe(expected);
    for (const args of [["search", "cache"], ["faq", "ttl"], ["modules", "--json"], ["roadmap"]]) {
      const r = cli(args, e);
      expect(r.status, args.join(" ")).toBe(0);
      expect(r.stderr).toBe("");
    }
  });
});

describe("the launcher's short paths", () => {
  it("a bare --help (help.cjs, the program without its commands) says what the whole program says", () => {
    const short = cli(["--help"], env);
    const whole = cli(["--no-color", "--help"], env); // more than one argument: main.cjs
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(whole.stdout);
    expect(short.stdout).toContain("Usage: api-architect");
    expect(cli(["-h"], env).stdout).toBe(whole.stdout);
  });
  it("a bare --help into a pipe is kept per width and written back the same; a spoiled copy is ignored", () => {
    const first = cli(["--help"], env);
    const kept = readdirSync(join(cache(), "help"));
    expect(kept).toHaveLength(1);
    expect(cli(["--help"], env).stdout).toBe(first.stdout);
    // Another width is another text.
    const narrow = cli(["--help"], { ...env, COLUMNS: "50" });
    expect(narrow.stdout).not.toBe(first.stdout);
    expect(narrow.stdout.split("\n").every((l) => l.length <= 50)).toBe(true);
    expect(readdirSync(join(cache(), "help"))).toHaveLength(2);
    // A file that is not one the launcher wrote is not printed.
    writeFileSync(join(cache(), "help", kept[0]!), "rubbish");
    expect(cli(["--help"], env).stdout).toBe(first.stdout);
  });
  it("--version (from package.json) says what the program says", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(cli(["--version"], env).stdout).toBe(`${pkg.version}\n`);
    expect(cli(["--no-color", "--version"], env).stdout).toBe(`${pkg.version}\n`);
  });
});

describe("the V8 code cache", () => {
  const config = () => {
    const r = cli(["config", "list"], env);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    return r.stdout;
  };

  it("is written per command where the build left none, used afterwards, and a damaged one is replaced", () => {
    const expected = config();
    const v8 = join(cache(), "v8");
    const mine = readdirSync(v8).find((f) => /-config-pipe\.bin$/.test(f))!;
    expect(mine).toBeDefined();
    writeFileSync(join(v8, mine), "not a code cache");
    expect(config()).toBe(expected);
    expect(readFileSync(join(v8, mine)).toString()).not.toBe("not a code cache");
  });

  it("the build primes the common commands, and every cache belongs to one build", () => {
    config();
    const id = /^\/\*api-architect ([0-9a-f]+)\*\//.exec(readFileSync(join(ROOT, "dist", "main.cjs"), "utf8"))![1];
    const primed = readdirSync(join(ROOT, "dist", "v8"));
    for (const command of ["learn", "search", "faq", "modules", "progress", "roadmap", "explain", "help"]) expect(primed).toContain(`${id}-${process.version}-${process.arch}-${command}-pipe.bin`);
    for (const f of [...primed, ...readdirSync(join(cache(), "v8"))]) expect(f.startsWith(`${id}-${process.version}-`)).toBe(true);
  });

  it("the program runs when the bundle's folder cannot be written and no cache exists", () => {
    const r = spawnSync(process.execPath, [BIN, "--version"], { env: testEnv(dir, { API_ARCHITECT_CACHE_DIR: "/proc/no-such-place" }), encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(existsSync("/proc/no-such-place")).toBe(false);
  });
});
