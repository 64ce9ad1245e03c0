// Course packs, as a team would use them: write one (`course new`), check it, add it from a folder
// or a .tgz, switch to it and back, keep progress apart, remove it. Packs are untrusted: crafted
// ones are refused whole, with every problem named, and nothing is installed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { cleanup, cli, FIXTURE, tempDir, testEnv } from "../helpers.js";

let dir: string;
let env: NodeJS.ProcessEnv;
let cfg: string;
beforeEach(() => {
  dir = tempDir();
  cfg = join(dir, "cfg");
  // No API_ARCHITECT_CONTENT: packs are about the course a learner has in use.
  env = testEnv(cfg, { API_ARCHITECT_CONTENT: undefined });
});
afterEach(() => cleanup(dir));

const run = (...args: string[]) => cli(args, env);
const newPack = (name = "team-rules") => {
  const r = run("course", "new", join(dir, name));
  expect(r.status).toBe(0);
  return join(dir, name);
};
/** A ustar header for one regular file (enough for the crafted archives below). */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write("0000644\0", 100);
  header.write(`${size.toString(8).padStart(11, "0")}\0`, 124);
  header.write("0", 156);
  header.write("ustar\0", 257);
  return header;
}
const tar = (folder: string, out: string, ...extra: string[]) => execFileSync("tar", ["czf", out, "-C", folder, ...extra, "."]);

describe("a pack's life", () => {
  it("new → validate → add → list → use → read → progress apart → back → remove", () => {
    const pack = newPack();
    expect(run("validate", pack).status).toBe(0);

    const add = run("course", "add", pack);
    expect(add.stderr).toBe("");
    expect(add.status).toBe(0);
    expect(add.stdout).toContain('Added "Team rules" as team-rules (1 module).');

    const list = JSON.parse(run("course", "list", "--json").stdout);
    expect(list.map((c: { id: string; active: boolean }) => [c.id, c.active])).toEqual([
      ["api-architect", true],
      ["team-rules", false],
    ]);

    expect(run("course", "use", "team-rules").status).toBe(0);
    expect(run("course", "list").stdout).toMatch(/^\* team-rules\s+Team rules \(1 module\)$/m);
    const modules = run("modules");
    expect(modules.stdout).toContain("house-rules");
    expect(modules.stdout).not.toContain("api-fundamentals");
    expect(run("learn", "1", "--plain").stdout).toContain("Module 01 · Our house rules");

    // Progress is the pack's own: a skill mark lands in its store, not the built-in course's.
    expect(run("roadmap", "mark", "basics", "Our API conventions", "done").status).toBe(0);
    const packStore = JSON.parse(readFileSync(join(cfg, "courses", "team-rules", "progress.json"), "utf8"));
    expect(JSON.stringify(packStore.marks)).toContain("done");

    expect(run("course", "use", "api-architect").status).toBe(0);
    expect(run("modules").stdout).toContain("api-fundamentals");
    const main = existsSync(join(cfg, "progress.json")) ? JSON.parse(readFileSync(join(cfg, "progress.json"), "utf8")) : { marks: {} };
    expect(JSON.stringify(main.marks ?? {})).not.toContain("done");

    // Back to the pack: its progress is still there.
    run("course", "use", "team-rules");
    expect(JSON.parse(run("roadmap", "--json").stdout).stages[0].marks).toEqual({ "our-api-conventions": "done" });

    const removed = run("course", "remove", "team-rules");
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain("Back to the built-in course.");
    expect(run("course", "list").stdout).not.toContain("team-rules");
    expect(run("modules").stdout).toContain("api-fundamentals");
    // Nothing silently wiped: the progress stays for a later add.
    expect(existsSync(join(cfg, "courses", "team-rules", "progress.json"))).toBe(true);
  });

  it("a new course starts with the learner's stack", () => {
    run("config", "set", "stack", "python");
    run("course", "add", newPack());
    run("course", "use", "team-rules");
    const lesson = run("learn", "1", "--plain").stdout;
    expect(lesson).toContain("async def health()");
    expect(lesson).not.toContain("app.MapGet");
  });

  it("adds from a .tgz, with or without npm pack's package/ folder, and adding again updates", () => {
    const pack = newPack();
    tar(pack, join(dir, "plain.tgz"));
    const a = run("course", "add", join(dir, "plain.tgz"));
    expect(a.status).toBe(0);
    expect(a.stdout).toContain("Added");
    mkdirSync(join(dir, "wrapped"));
    execFileSync("cp", ["-r", pack, join(dir, "wrapped", "package")]);
    writeFileSync(join(dir, "wrapped", "package", "course.yaml"), readFileSync(join(pack, "course.yaml"), "utf8").replace("title: Team rules", "title: Team rules v2"));
    tar(join(dir, "wrapped"), join(dir, "team-rules-2.0.0.tgz"));
    const b = run("course", "add", join(dir, "team-rules-2.0.0.tgz"));
    expect(b.stdout).toContain('Updated "Team rules v2" as team-rules');
    // Only what the manifest names was copied: no README, no stray files.
    const files = execFileSync("find", [".", "-type", "f"], { cwd: join(cfg, "courses", "team-rules", "content"), encoding: "utf8" }).split("\n").filter(Boolean).sort();
    expect(files).toEqual(["./course.yaml", "./faq/where-to-ask.md", "./glossary.yaml", "./modules/01-house-rules/lesson.md", "./modules/01-house-rules/quiz.yaml", "./roadmap.yaml"]);
  });

  it("API_ARCHITECT_CONTENT still wins for authors while a pack is in use", () => {
    run("course", "add", newPack());
    run("course", "use", "team-rules");
    const r = cli(["modules"], { ...env, API_ARCHITECT_CONTENT: FIXTURE });
    expect(r.stdout).toContain("http-basics");
  });

  it("unknown ids are usage errors with a suggestion; the built-in course cannot be removed", () => {
    run("course", "add", newPack());
    const r = run("course", "use", "team");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no course "team" is installed; did you mean "team-rules"?');
    expect(run("course", "remove", "api-architect").status).toBe(2);
    expect(run("course", "add", join(dir, "nowhere")).status).toBe(2);
    const existing = newPack("existing");
    expect(run("course", "new", existing).status).toBe(2);
  });
});

describe("packs that are refused, with nothing installed", () => {
  const refused = (source: string, ...expected: (string | RegExp)[]) => {
    const r = run("course", "add", source);
    expect(r.status).toBe(1);
    for (const e of expected) expect(r.stderr).toMatch(e);
    expect(r.stderr).toContain("nothing was installed");
    expect(r.stderr).not.toMatch(/unexpected error/);
    expect(r.stdout).toBe("");
    expect(existsSync(join(cfg, "courses")) ? readdirSync(join(cfg, "courses")).filter((n) => !n.startsWith(".")) : []).toEqual([]);
    return r;
  };

  it("a pack with problems: every one, as file:line", () => {
    const pack = newPack();
    const lesson = join(pack, "modules", "01-house-rules", "lesson.md");
    writeFileSync(lesson, readFileSync(lesson, "utf8").replace("stage: basics", "stage: nowhere").replace("## Key takeaways", "## Key takeaways\n\nSee [gone](faq:gone)."));
    refused(pack, /modules\/01-house-rules\/lesson\.md:5: stage "nowhere" is not in roadmap\.yaml/, /lesson\.md:\d+: link to unknown FAQ entry "gone"/);
  });

  it("a pack whose text carries escape sequences", () => {
    const pack = newPack();
    writeFileSync(join(pack, "course.yaml"), readFileSync(join(pack, "course.yaml"), "utf8").replace("title: Team rules", 'title: "Team\\e]52;c;ZXZpbA==\\a rules"'));
    const r = refused(pack, /course\.yaml:3: a terminal escape sequence, OSC/);
    expect(r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  it("a folder pack with a lesson linked outside it", () => {
    const pack = newPack();
    const lesson = join(pack, "modules", "01-house-rules", "lesson.md");
    writeFileSync(join(dir, "outside.md"), readFileSync(lesson));
    execFileSync("rm", [lesson]);
    symlinkSync(join(dir, "outside.md"), lesson);
    refused(pack, /lesson\.md: is a link to a place outside the course folder/);
  });

  it("an archive holding a symbolic link", () => {
    const pack = newPack();
    symlinkSync("/etc/passwd", join(pack, "faq", "passwd.md"));
    tar(pack, join(dir, "link.tgz"));
    refused(join(dir, "link.tgz"), /archive entry "(\.\/)?faq\/passwd\.md" is a symbolic link; a pack may hold only files and folders/);
  });

  it("an archive whose paths climb out writes nothing outside", () => {
    const pack = newPack();
    execFileSync("tar", ["cf", join(dir, "pack.tar"), "-C", pack, "."]);
    const climbing = Buffer.concat([tarHeader("../../escaped.md", 5), Buffer.from("x".repeat(5).padEnd(512, "\0")), readFileSync(join(dir, "pack.tar"))]);
    writeFileSync(join(dir, "climb.tgz"), gzipSync(climbing));
    // The archive reader resolves ".." away, so the entry lands inside the staging folder, where
    // nothing the manifest names reads it: the pack installs, and nothing is written outside.
    const r = run("course", "add", join(dir, "climb.tgz"));
    expect(r.stderr).not.toMatch(/unexpected error/);
    for (const place of [cfg, join(cfg, "courses"), dir, join(dir, "..")]) expect(existsSync(join(place, "escaped.md"))).toBe(false);
    expect(execFileSync("find", [cfg, "-name", "escaped.md"], { encoding: "utf8" })).toBe("");
  });

  it("a gzip bomb: refused in bounded time", () => {
    const header = tarHeader("package/modules/01-x/lesson.md", 200 << 20);
    const body = Buffer.concat([header, Buffer.alloc(8 << 20)]);
    // 8 MiB of zeros after the header, repeated by gzip's dictionary: a small file, a large expansion.
    const parts = [gzipSync(body)];
    for (let i = 0; i < 24; i++) parts.push(gzipSync(Buffer.alloc(8 << 20)));
    writeFileSync(join(dir, "bomb.tgz"), Buffer.concat(parts));
    const started = Date.now();
    refused(join(dir, "bomb.tgz"), /expands to more than 64 MiB|over the limit/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a pack that tries to take the built-in course's id", () => {
    const pack = newPack();
    writeFileSync(join(pack, "course.yaml"), readFileSync(join(pack, "course.yaml"), "utf8").replace("id: team-rules", "id: api-architect"));
    refused(pack, /the id "api-architect" belongs to the built-in course/);
  });
});
