// The tutor as a user installs it: `npm pack`, then a global install into an empty prefix with a
// new home folder. Nothing is downloaded (the package has no runtime dependencies), and the
// compiled course, the search index and the code cache all work from the installed copy. (The
// bundle is the one `npm test` has just built: packing here does not build again.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { cleanup, ROOT, tempDir } from "../helpers.js";

let dir: string;
let bin: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = tempDir("aa-pack-");
  env = { PATH: process.env.PATH, HOME: join(dir, "home"), npm_config_cache: join(dir, "npm-cache"), npm_config_offline: "true", NO_COLOR: "1" };
  execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, env: { ...process.env, ...env }, stdio: "ignore" });
  const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
  execFileSync("npm", ["install", "-g", "--prefix", join(dir, "prefix"), "--no-audit", "--no-fund", join(dir, tarball)], { env, stdio: "ignore" });
  bin = join(dir, "prefix", "bin", "api-architect");
}, 120_000);
afterAll(() => cleanup(dir));

const run = (...args: string[]) => spawnSync(bin, args, { env, encoding: "utf8", timeout: 30_000 });

describe("installed from a packed tarball", () => {
  it("runs every kind of command, twice (the second time from its caches)", () => {
    for (let round = 0; round < 2; round++) {
      expect(run("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
      const lesson = run("learn", "1", "--plain");
      expect(lesson.status).toBe(0);
      expect(lesson.stdout).toContain("Module 01");
      const search = run("search", "idempotency", "key", "--json");
      expect(search.status).toBe(0);
      expect(JSON.parse(search.stdout)[0].ref).toMatch(/idempotency/);
      expect(run("faq", "idempotency").status).toBe(0);
      expect(run("config", "set", "stack", "python").status).toBe(0);
      expect(JSON.parse(run("progress", "--json").stdout).stack).toBe("python");
      for (const r of [lesson, search]) expect(r.stderr).toBe("");
    }
  });
});
