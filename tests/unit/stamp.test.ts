// The content stamp: fast while nothing changes, right when something does, and safe on a
// hostile course folder (it reads only regular files inside the folder that the manifest names).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { computeStamp, courseRoot, courseStamp, statFingerprint, STAMP_FILE } from "../../src/content/stamp.js";
import { cleanup, FIXTURE, tempDir } from "../helpers.js";

let dir: string;
let course: string;
let cache: string;
beforeEach(() => {
  dir = tempDir();
  course = join(dir, "course");
  cache = join(dir, "cache");
  cpSync(FIXTURE, course, { recursive: true });
  course = realpathSync(course);
});
afterEach(() => cleanup(dir));

describe("the content stamp", () => {
  it("names the files of the manifest, not whatever else is in the folder", async () => {
    writeFileSync(join(course, "notes.md"), "not part of the course");
    const r = await computeStamp(course);
    expect(r.files).toEqual([
      "course.yaml",
      "roadmap.yaml",
      "glossary.yaml",
      "modules/01-http-basics/lesson.md",
      "modules/01-http-basics/quiz.yaml",
      "modules/01-http-basics/lab.yaml",
      "modules/01-http-basics/solution.md",
      "modules/02-caching-basics/lesson.md",
      "modules/02-caching-basics/quiz.yaml",
      "modules/02-caching-basics/lab.yaml",
      "modules/02-caching-basics/solution.md",
      "faq/what-is-ttl.md",
      "faq/why-http.md",
    ]);
  });

  it("changes with a file's content, and not with its times alone (as after npm install)", async () => {
    const first = await computeStamp(course);
    const lesson = join(course, "modules/01-http-basics/lesson.md");
    utimesSync(lesson, new Date("1985-10-26"), new Date("1985-10-26"));
    const touched = await computeStamp(course);
    expect(touched.stamp).toBe(first.stamp);
    expect(touched.stat).not.toBe(first.stat);
    writeFileSync(lesson, `${readFileSync(lesson, "utf8")}\nOne more line.\n`);
    expect((await computeStamp(course)).stamp).not.toBe(first.stamp);
  });

  it("reuses a recorded stamp while the fingerprint holds, and records a new one when it moves", async () => {
    const stamp = await courseStamp(course, [cache], cache);
    const record = JSON.parse(readFileSync(join(cache, STAMP_FILE), "utf8"));
    expect(record.stamp).toBe(stamp);
    // A record whose fingerprint matches is believed without reading a file: prove it by lying.
    writeFileSync(join(cache, STAMP_FILE), JSON.stringify({ ...record, stamp: "recorded" }));
    expect(await courseStamp(course, [cache], cache)).toBe("recorded");
    writeFileSync(join(course, "faq", "new-answer.md"), "---\nid: new-answer\n---\nHello\n");
    const moved = await courseStamp(course, [cache], cache);
    expect(moved).not.toBe("recorded");
    expect(moved).not.toBe(stamp);
  });

  it("never follows links out, never opens FIFOs or devices, never walks a link loop", async () => {
    symlinkSync("..", join(course, "loop-a"));
    symlinkSync("..", join(course, "modules", "loop-b"));
    symlinkSync("/usr", join(course, "faq", "usr.md"));
    symlinkSync("/dev/zero", join(course, "faq", "zero.md"));
    symlinkSync("/etc/hostname", join(course, "faq", "outside.md"));
    execFileSync("mkfifo", [join(course, "faq", "pipe.md")]);
    // A module folder replaced by a link to somewhere outside the course.
    const outside = join(dir, "elsewhere");
    cpSync(join(course, "modules", "02-caching-basics"), outside, { recursive: true });
    execFileSync("rm", ["-r", join(course, "modules", "02-caching-basics")]);
    symlinkSync(outside, join(course, "modules", "02-caching-basics"));
    const started = Date.now();
    const r = await computeStamp(course);
    expect(Date.now() - started).toBeLessThan(2_000);
    const kinds = Object.fromEntries(r.stat.split("|").map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
    expect(kinds["faq/pipe.md"]).toBe("odd");
    expect(kinds["faq/zero.md"]).toBe("out");
    expect(kinds["faq/outside.md"]).toBe("out");
    expect(kinds["faq/usr.md"]).toBe("out");
    expect(kinds["modules/02-caching-basics"]).toBe("out");
    expect(kinds["modules/02-caching-basics/lesson.md"]).toBe("out");
    expect(kinds["modules/01-http-basics/lesson.md"]).toMatch(/^f/);
    // The same folder stamps the same way each time.
    expect(statFingerprint(course, r.dirs, r.files)).toBe(r.stat);
  });

  it("a manifest that is not YAML still gives a stamp (the loader reports the problem)", async () => {
    writeFileSync(join(course, "course.yaml"), "modules: [unclosed\n  - &a [*a, *a, *a]");
    const r = await computeStamp(course);
    expect(r.files.slice(0, 3)).toEqual(["course.yaml", "roadmap.yaml", "glossary.yaml"]);
    expect(r.stamp).toMatch(/^[0-9a-f]{40}$/);
  });

  it("a course folder that is not there is a usage error", () => {
    expect(() => courseRoot(join(dir, "nowhere"))).toThrow(/does not exist or is not a folder/);
    mkdirSync(join(dir, "empty"));
    expect(courseRoot(join(dir, "empty"))).toBe(realpathSync(join(dir, "empty")));
  });
});
