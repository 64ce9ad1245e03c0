// Golden output of `lab check` for two broken variants: what a learner sees, byte for byte,
// with the run's random values seeded and what the server makes up (ids, times, ports,
// tokens, trace ids, ETags) normalised. UPDATE_GOLDEN=1 rewrites the files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, REAL_CONTENT, tempDir, testEnv } from "../helpers.js";
import { cliAsync } from "./cli-async.js";
import { startReference, type Running } from "./harness.js";
import { variants } from "./variants.js";

const GOLDEN = join(import.meta.dirname, "golden");

function normalise(text: string, port: number): string {
  return text
    .replaceAll(`127.0.0.1:${port}`, "127.0.0.1:PORT")
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, "<jwt>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
    .replace(/20(2\d)-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "<time>")
    .replace(/\b[0-9a-f]{32}\b/g, "<trace>")
    .replace(/\\?"[\w-]{22}\\?"/g, "<etag>");
}

function golden(name: string, actual: string) {
  const file = join(GOLDEN, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("golden output of lab check", () => {
  let dir: string;
  let servers: Running[] = [];
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    cleanup(dir);
  });

  const cases = [
    { name: "shows-no-location", variant: "create sends no Location", args: ["shows"] },
    { name: "shows-bad-cursor-500", variant: "a bad cursor is a 500", args: ["shows", "--check", "bad-cursor-400,limit-out-of-range-400"] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const server = await startReference(variants().find((v) => v.name === c.variant)!.before);
      servers.push(server);
      const env = testEnv(join(dir, c.name), { API_ARCHITECT_CONTENT: REAL_CONTENT, API_ARCHITECT_LAB_SEED: "golden", COLUMNS: "80" });
      const r = await cliAsync(["lab", "check", ...c.args, "--base-url", server.url.href], env);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("");
      golden(c.name, normalise(r.stdout, Number(server.url.port)));
    });
  }
});
