// A course folder from outside (API_ARCHITECT_CONTENT, a pack) is untrusted. Crafted copies of the
// fixture course carry each hostile thing; the built binary must show none of it raw, read
// nothing outside the folder, and refuse what is too big or too deep with a content error that
// names the file and the limit — in bounded time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { BIN, cleanup, cli, FIXTURE, tempDir, testEnv } from "../helpers.js";

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

const file = (rel: string) => join(course, rel);
const edit = (rel: string, change: (s: string) => string) => writeFileSync(file(rel), change(readFileSync(file(rel), "utf8")));
const LESSON = "modules/01-http-basics/lesson.md";
const LESSON2 = "modules/02-caching-basics/lesson.md";

// Anything a terminal would act on: ESC, BEL, CSI/OSC as C1 bytes, any other C0 but tab and newline.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

const OSC52 = "\u001b]52;c;cm0gLXJmIH4=\u0007";
const OSC0 = "\u001b]0;pwned\u001b\\";
const CLEAR = "\u001b[2J\u001b[H";
const BEL = "\u0007";
const C1 = "\u009b31m\u009d0;c1-title\u009c";

describe("control characters and escape sequences in course text", () => {
  beforeEach(() => {
    // One of each, in every kind of text a learner sees.
    edit(LESSON, (s) =>
      s
        .replace("title: HTTP basics", `title: "HTTP\\e]0;yaml-escape\\a basics"`)
        .replace(/summary: What travels(.*)/, 'summary: "\\x9b2JWhat travels$1"')
        .replace("## Requests", `## Requests${OSC52}`)
        .concat(`\nBody with ${CLEAR}clear, ${BEL}bell, ${C1} and &#27;]0;entity&#x07; text, [a link](https://example.com/${OSC0}x).\n`),
    );
    edit("faq/why-http.md", (s) => s.replace("question: Why learn", `question: Why${OSC0} learn`).concat(`\nAnswer ${OSC52}with a clipboard write.\n`));
    edit("glossary.yaml", (s) => s.replace("term: TTL", `term: "TTL${OSC0}"`).replace("short: How long", `short: How${BEL} long`));
    edit("roadmap.yaml", (s) => s.replace("title: Getting started", `title: "Getting\\e[2J started"`).replace("summary: Requests,", `summary: Requests${C1},`));
    edit("modules/01-http-basics/quiz.yaml", (s) => s.replace("prompt: Which method is safe?", `prompt: "Which${OSC52} method is safe?"`).replace("explain: GET only reads.", `explain: "GET only\\e]0;x\\a reads."`));
  });

  it.each([
    ["modules", ["modules"], "HTTP basics"],
    ["learn", ["learn", "1", "--plain"], "Body with clear, bell,"],
    ["faq list", ["faq"], "Why learn HTTP"],
    ["faq answer", ["faq", "clipboard"], "Answer with a clipboard write."],
    ["explain", ["explain", "ttl"], "How long a cached value"],
    ["roadmap", ["roadmap"], "Getting started"],
    ["search", ["search", "clipboard"], "clipboard"],
    ["search quiz", ["search", "method", "safe"], "Which method is safe?"],
    ["modules --json", ["modules", "--json"], "What travels"],
  ])("%s shows the text without any control character, even forced to colour", (_, args, visible) => {
    for (const extra of [{}, { FORCE_COLOR: "1" }]) {
      const r = cli(args, { ...env, ...extra });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const text = "FORCE_COLOR" in extra ? r.stdout.replace(/\u001b\[[0-9;]*m/g, "") : r.stdout; // our own colour only
      expect(text).not.toMatch(RAW_CONTROL);
      expect(text).toContain(visible);
      expect(text).not.toContain("52;c;");
    }
  });

  it("validate reports each occurrence with file:line and fails", () => {
    const r = cli(["validate", course], env);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    const lines = r.stderr.split("\n");
    const at = (where: string) => lines.filter((l) => l.startsWith(where) && /was removed/.test(l)).length;
    expect(at(`${LESSON}:4:`)).toBe(1); // "\e]0;…\a" spelled as a YAML escape in the title
    expect(at(`${LESSON}:6:`)).toBe(1); // "\x9b" in the summary
    expect(at(`${LESSON}:13:`)).toBe(1); // OSC 52 in a heading
    expect(at(`${LESSON}:60:`)).toBeGreaterThanOrEqual(6); // CSI ×2, BEL, C1 ×2, &#27;, &#x07;, OSC 0 in the link
    expect(at("faq/why-http.md:3:")).toBe(1);
    expect(at("glossary.yaml:3:")).toBe(1);
    expect(at("glossary.yaml:5:")).toBe(1);
    expect(at("roadmap.yaml:")).toBe(3); // CSI as ESC [, and the C1 CSI and OSC
    expect(at("modules/01-http-basics/quiz.yaml:")).toBe(2);
    expect(r.stderr).toMatch(/OSC \(window title, clipboard, links\)/);
  });

  it("a file name with control characters is reported with them made visible", () => {
    writeFileSync(file(`faq/odd${BEL}name.md`), "no front matter\n");
    const r = cli(["validate", course], env);
    expect(r.stderr).toContain("faq/odd\\x07name.md:1: must start with front matter");
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe("only regular files inside the course folder are read", () => {
  it("a lesson linked to a file outside the folder is refused and never shown", () => {
    writeFileSync(join(dir, "secret.md"), readFileSync(file(LESSON2), "utf8").replace("Caching basics", "TOP SECRET"));
    rmSync(file(LESSON2));
    symlinkSync(join(dir, "secret.md"), file(LESSON2));
    for (const args of [["modules"], ["learn", "2", "--plain"], ["search", "secret"]]) {
      const r = cli(args, env);
      expect(r.status).toBe(1);
      expect(r.stdout + r.stderr).not.toContain("TOP SECRET");
      expect(r.stderr).toContain(`${LESSON2}: is a link to a place outside the course folder`);
    }
  });

  it("a module folder linked outside the course is refused too", () => {
    cpSync(file("modules/02-caching-basics"), join(dir, "outside"), { recursive: true });
    rmSync(file("modules/02-caching-basics"), { recursive: true });
    symlinkSync(join(dir, "outside"), file("modules/02-caching-basics"));
    const r = cli(["validate", course], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${LESSON2}: is a link to a place outside the course folder`);
  });

  it("a link that stays inside the folder is fine", () => {
    cpSync(file(LESSON2), file("modules/lesson-copy.md"));
    rmSync(file(LESSON2));
    symlinkSync("../lesson-copy.md", file(LESSON2));
    expect(cli(["validate", course], env).status).toBe(0);
  });

  it.each([
    ["a symlink loop", () => symlinkSync("lesson.md", file(LESSON2)), "is a loop of symbolic links"],
    ["a FIFO", () => execFileSync("mkfifo", [file(LESSON2)]), "is not a regular file"],
    ["a link to /dev/zero", () => symlinkSync("/dev/zero", file(LESSON2)), "is a link to a place outside the course folder"],
  ])("%s in place of a lesson is a content error at once, for every command", (_, make, message) => {
    rmSync(file(LESSON2));
    make();
    for (const args of [["validate", course], ["modules"], ["learn", "1", "--plain"]]) {
      const started = Date.now();
      const r = cli(args, env);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${LESSON2}: ${message}`);
      expect(r.stderr).not.toMatch(/unexpected error|EPIPE|ELOOP|ENXIO/);
    }
  });

  it("links to .. inside the folder do not send any command round in circles", () => {
    symlinkSync("..", file("up"));
    symlinkSync("..", file("modules/up"));
    symlinkSync("/usr", file("faq/usr"));
    const r = cli(["modules"], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("HTTP basics");
  });
});

describe("too big, too deep, too clever: refused with the file and the limit", () => {
  const refuse = (args: string[], where: RegExp) => {
    const started = Date.now();
    const r = cli(args, env);
    const seconds = (Date.now() - started) / 1000;
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(where);
    expect(r.stderr).not.toMatch(/unexpected error|Maximum call stack|this is a bug/);
    expect(seconds).toBeLessThan(8);
    return r;
  };

  it("a YAML alias bomb (billion laughs)", () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 10; i++) bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]\n`;
    writeFileSync(file("glossary.yaml"), bomb);
    refuse(["validate", course], /^glossary\.yaml:1: uses YAML aliases that expand too far \(the limit is 100/m);
    refuse(["explain", "ttl"], /glossary\.yaml:1: uses YAML aliases/);
  });

  it("YAML nested 3,000 levels, in flow and block style", () => {
    writeFileSync(file("roadmap.yaml"), `stages: ${"[".repeat(3000)}${"]".repeat(3000)}\n`);
    refuse(["validate", course], /^roadmap\.yaml:1: nests lists and maps more than 64 levels deep \(the limit\)/m);
    let block = "stages:\n";
    for (let i = 1; i < 500; i++) block += `${" ".repeat(i)}k${i}:\n`;
    writeFileSync(file("roadmap.yaml"), block);
    refuse(["roadmap"], /roadmap\.yaml:\d+: nests lists and maps more than 64 levels deep/);
  });

  it("front matter nested deeply is the lesson's problem, at its line", () => {
    edit(LESSON, (s) => s.replace("objectives:", `extra: ${"{a: ".repeat(100)}1${"}".repeat(100)}\nobjectives:`));
    refuse(["validate", course], /^modules\/01-http-basics\/lesson\.md:\d+: nests lists and maps more than 64 levels/m);
  });

  it("50,000 nested block quotes", () => {
    edit(LESSON2, (s) => `${s}\n${"> ".repeat(50_000)}deep\n`);
    refuse(["learn", "2", "--plain"], /modules\/02-caching-basics\/lesson\.md:\d+: nests quotes, lists or indentation more than 16 levels deep \(the limit\)/);
  });

  it("a list nested 1,000 levels", () => {
    let list = "";
    for (let i = 0; i < 1000; i++) list += `${" ".repeat(i * 2)}- item\n`;
    edit(LESSON2, (s) => `${s}\n${list}`);
    refuse(["validate", course], /lesson\.md:\d+: nests quotes, lists or indentation more than 16 levels/);
  });

  it("a quiz prompt with 50,000 nested quotes", () => {
    edit("modules/01-http-basics/quiz.yaml", (s) => s.replace("prompt: Which method is safe?", `prompt: "${"> ".repeat(50_000)}x"`));
    refuse(["validate", course], /quiz\.yaml: question get-safe: nests quotes, lists or indentation more than 16 levels/);
  });

  it("a 25 MB paragraph and a 50 MB lesson: refused unread, in bounded time and memory", () => {
    edit(LESSON2, (s) => `${s}\n${"word ".repeat(5_000_000)}\n`);
    refuse(["learn", "2", "--plain"], /lesson\.md: is 2\d(\.\d)? MiB, over the limit of 1 MiB for one course file/);
    writeFileSync(file(LESSON2), Buffer.alloc(50 << 20, "lorem ipsum\n"));
    refuse(["validate", course], /lesson\.md: is 50 MiB, over the limit of 1 MiB/);
    // Peak memory, where GNU time is there to measure it: nowhere near the file's size.
    if (existsSync("/usr/bin/time")) {
      const r = spawnSync("/usr/bin/time", ["-f", "peak %M KB", process.execPath, BIN, "validate", course], { env, encoding: "utf8" });
      const kb = Number(/peak (\d+) KB/.exec(r.stderr)?.[1]);
      expect(kb).toBeGreaterThan(0);
      expect(kb).toBeLessThan(150 * 1024);
    }
  });

  it("a paragraph over 8 KiB (marked's inline pass is quadratic in it)", () => {
    edit(LESSON2, (s) => `${s}\n${`${"_a".repeat(50)}\n`.repeat(400)}\n`);
    refuse(["validate", course], /lesson\.md:\d+: has a paragraph, list or table longer than 8 KiB \(the limit\)/);
  });
});

describe("accepted as written", () => {
  it("a lesson saved with a UTF-8 BOM and CRLF line endings", () => {
    for (const rel of [LESSON, "faq/why-http.md", "glossary.yaml", "course.yaml"]) {
      writeFileSync(file(rel), `\uFEFF${readFileSync(file(rel), "utf8").replace(/\n/g, "\r\n")}`);
    }
    const v = cli(["validate", course], env);
    expect(v.stderr).toBe("");
    expect(v.status).toBe(0);
    const r = cli(["learn", "1", "--plain"], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Module 01 · HTTP basics");
    expect(r.stdout).not.toContain("\r");
  });
});

describe("a missing course folder", () => {
  it("is a usage error (exit 2) in one line, for commands and validate", () => {
    const gone = join(dir, "nowhere");
    const r = cli(["modules"], { ...env, API_ARCHITECT_CONTENT: gone });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([`api-architect: the course folder ${gone} does not exist (API_ARCHITECT_CONTENT names it)`]);
    const v = cli(["validate", gone], env);
    expect(v.status).toBe(2);
    expect(v.stderr).toContain("is not a folder");
    mkdirSync(gone);
  });
});
