// Issue 14's commands from a fresh install of the packed tarball: `npm pack` (of the dist/ that
// `npm test` has just built), a global install into an empty prefix, then each command run from
// there, by name, as a user would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, ROOT, tempDir, testEnv } from "../helpers.js";

let dir: string;
let env: NodeJS.ProcessEnv;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

beforeAll(() => {
  dir = tempDir("aa-tarball-");
  // --ignore-scripts: pack the dist/ already built, without rebuilding it under running tests.
  execFileSync(npm, ["pack", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, stdio: "ignore" });
  const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
  execFileSync(npm, ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", join(dir, "prefix"), join(dir, tgz)], { stdio: "ignore" });
  env = testEnv(join(dir, "home"), { API_ARCHITECT_CONTENT: undefined, PATH: `${join(dir, "prefix", "bin")}:${process.env.PATH}` });
}, 120_000);
afterAll(() => cleanup(dir));

const run = (...args: string[]) => spawnSync("api-architect", args, { env, cwd: dir, encoding: "utf8", input: "", timeout: 20_000 });

describe("installed from the tarball", () => {
  it("completion: the three scripts, and candidates from the installed course", () => {
    for (const shell of ["bash", "zsh", "fish"]) {
      const r = run("completion", shell);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("api-architect __complete --");
    }
    expect(run("__complete", "--", "learn", "sec").stdout.trim()).toBe("auth-security");
  });

  it("export: a module to a file", () => {
    const r = run("export", "1", "--stack", "python", "--quiz", "-o", "m1.md");
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, "m1.md"), "utf8");
    expect(text).toContain("# Module 01 · API fundamentals");
    expect(text).toContain("## Answers");
  });

  it("course new, add, list, use, remove", () => {
    expect(run("course", "new", "team-rules").status).toBe(0);
    expect(run("course", "add", "team-rules").status).toBe(0);
    expect(run("course", "use", "team-rules").status).toBe(0);
    expect(run("modules").stdout).toContain("house-rules");
    expect(JSON.parse(run("course", "list", "--json").stdout).find((c: { active: boolean }) => c.active).id).toBe("team-rules");
    expect(run("course", "remove", "team-rules").status).toBe(0);
    expect(run("modules").stdout).toContain("api-fundamentals");
  });
});
