// `api-architect lab ...` as a learner runs it: the built binary against servers started here
// (the reference, a broken variant, a server that hangs, one that sends too much).
import { once } from "node:events";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cleanup, ESC, REAL_CONTENT, tempDir, testEnv } from "../helpers.js";
import { cliAsync } from "../labs/cli-async.js";
import { startReference, type Running } from "../labs/harness.js";
import { variants } from "../labs/variants.js";

async function freePort(): Promise<number> {
  const s = createTcpServer().listen(0, "127.0.0.1");
  await once(s, "listening");
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function listen(server: Server | ReturnType<typeof createTcpServer>, port = 0): Promise<number> {
  server.listen(port, "127.0.0.1");
  await Promise.race([once(server, "listening"), once(server, "error").then(([e]) => Promise.reject(e))]);
  return (server.address() as AddressInfo).port;
}

let ref: Running;
beforeAll(async () => {
  ref = await startReference();
});
afterAll(() => ref.close());

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = tempDir();
  env = testEnv(dir, { API_ARCHITECT_CONTENT: REAL_CONTENT, API_ARCHITECT_LAB_SEED: "e2e" });
});
afterEach(() => cleanup(dir));

const store = () => JSON.parse(readFileSync(join(dir, "progress.json"), "utf8"));

describe("lab check against a server that works", () => {
  it("prints each check, ends with N of M, exits 0 and records the pass", async () => {
    const r = await cliAsync(["lab", "check", "health", "--base-url", ref.url.href], env);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Lab 09 · Health: probes an orchestrator can trust");
    expect(r.stdout).toMatch(/✔ GET \/health answers 200/);
    expect(r.stdout).toContain("4 of 4 checks pass.");
    expect(r.stdout).not.toContain(ESC);
    expect(store().labs.health).toMatchObject({ passedAt: expect.any(String), baseUrl: ref.url.href.replace(/\/$/, "") });
    const list = JSON.parse((await cliAsync(["lab", "list", "--json"], env)).stdout);
    expect(list.find((l: { id: string }) => l.id === "health")).toMatchObject({ passed: true, passing: 4, checks: 4, module: "devops", moduleWritten: true });
    const progress = JSON.parse((await cliAsync(["progress", "--json"], env)).stdout);
    expect(progress.labs.find((l: { id: string }) => l.id === "health")).toMatchObject({ passed: true });
    const roadmap = JSON.parse((await cliAsync(["roadmap", "--json"], env)).stdout);
    const devops = roadmap.stages.find((s: { id: string }) => s.id === "devops");
    expect(devops.labs).toEqual(["health"]);
    expect(devops.labResults).toEqual([{ id: "health", title: expect.any(String), module: "devops", checks: 4, passing: 4, passed: true }]);
  });

  it("uses config lab.baseUrl, and --json gives the results as data", async () => {
    expect((await cliAsync(["config", "set", "lab.baseUrl", ref.url.href], env)).status).toBe(0);
    const r = await cliAsync(["lab", "check", "jobs", "--json"], env);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ lab: "jobs", module: "system-design", passed: 4, total: 4, setupFailure: null, stopped: null });
    expect(j.checks[0]).toMatchObject({ id: "report-accepted-202", passed: true, failure: null, hint: "api-architect lab hint jobs report-accepted-202" });
  });
});

describe("lab check against a broken server", () => {
  let broken: Running;
  beforeAll(async () => {
    broken = await startReference(variants().find((v) => v.name === "the 202 has no Retry-After")!.before);
  });
  afterAll(() => broken.close());

  it("shows the request, expected and actual, the body, a curl command, the lesson and the hint; exit 1", async () => {
    const r = await cliAsync(["lab", "check", "jobs", "--base-url", broken.url.href], env);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("✘ The 202 points at the job with Location and says when to poll");
    expect(r.stdout).toMatch(/step 1 of 1: POST\s+\/v1\/shows\/[0-9a-f-]+\/sales-reports → 202 Accepted/);
    expect(r.stdout).toMatch(/header retry-after\n\s+expected\s+matching \/\^\\d\+\$\/\n\s+actual\s+\(missing\)/);
    expect(r.stdout).toMatch(/reproduce\n\s+curl -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/v1\/shows\/[0-9a-f-]+\/sales-reports' \\/);
    expect(r.stdout).toContain("taught in  api-architect learn 11 --section async-jobs");
    expect(r.stdout).toContain("hint       api-architect lab hint jobs report-location-retry-after");
    expect(r.stdout).toContain("3 of 4 checks pass.");
    const j = JSON.parse((await cliAsync(["lab", "check", "jobs", "--base-url", broken.url.href, "--json", "--check", "report-location-retry-after"], env)).stdout);
    expect(j.total).toBe(1);
    expect(j.checks[0].failure).toMatchObject({ step: 1, expectations: [{ what: "header retry-after", actual: "(missing)" }], response: { status: 202 } });
    expect(j.checks[0].failure.curl).toMatch(/^curl -i -X POST /);
    expect(store().labs.jobs.checks["report-location-retry-after"].passed).toBe(false);
  });

  it("lab hint prints the check's hint and where the course teaches it", async () => {
    const r = await cliAsync(["lab", "hint", "shows", "create-location"], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("This course's contract requires a Location header on every 201");
    expect(r.stdout).toContain("Taught in: api-architect learn 1 --section status-2xx-3xx");
  });
});

describe("when the server does not cooperate", () => {
  it("nothing listening: one clear error naming both addresses tried, exit 1", async () => {
    const port = await freePort();
    const r = await cliAsync(["lab", "check", "shows", "--base-url", `http://localhost:${port}`], env);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      `api-architect: nothing is listening on http://localhost:${port} (tried 127.0.0.1 and [::1]); start your server (\`npm run dev\`, \`uvicorn main:app\`, \`php artisan serve\`, \`dotnet run\`) or pass --base-url`,
    ]);
  });

  it("a server that never answers: each request times out and the run stops in bounded time", async () => {
    const hang = createTcpServer(() => {}); // accepts, then says nothing
    const port = await listen(hang);
    try {
      const r = await cliAsync(["lab", "check", "health", "--base-url", `http://127.0.0.1:${port}`, "--timeout", "0.5"], env);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("no answer within 0.5 s");
      expect(r.stderr).toContain("stopped answering: two requests in a row got no answer within 0.5 s");
      expect(r.ms).toBeLessThan(8_000);
    } finally {
      hang.close();
    }
  });

  it("a huge body is cut off at the cap, and control characters from the server never reach the screen", async () => {
    const big = createServer((req, res) => {
      if (req.url === "/ready") {
        res.writeHead(200, { "content-type": "application/json" }).end(`{"status":"\u001b[2J\u001b]0;pwned\u0007ready","checks":{}}`);
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, "x");
      let sent = 0;
      const pump = () => {
        while (sent < 8 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 8 * 1024 * 1024) res.once("drain", pump);
        else res.end();
      };
      pump();
    });
    const port = await listen(big);
    try {
      const r = await cliAsync(["lab", "check", "health", "--base-url", `http://127.0.0.1:${port}`], env);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("(the body was larger than the limit and was cut off)");
      expect(r.stdout).toContain("\\x1b[2J");
      expect(r.stdout).not.toContain(ESC);
      expect(r.stdout).not.toContain("\u0007");
    } finally {
      big.closeAllConnections();
      big.close();
    }
  });

  it("a port that fetch refuses gets its own message", async () => {
    const s = createServer((_q, res) => res.end("{}"));
    let port: number;
    try {
      port = await listen(s, 6666);
    } catch {
      return; // the port is taken on this machine: nothing to show
    }
    try {
      const r = await cliAsync(["lab", "check", "health", "--base-url", `http://127.0.0.1:${port}`], env);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('port 6666 is one that fetch refuses to use (a "bad port" in the Fetch standard)');
    } finally {
      s.close();
    }
  });

  it("only loopback unless --allow-remote; usage errors exit 2", async () => {
    const remote = await cliAsync(["lab", "check", "shows", "--base-url", "http://example.com"], env);
    expect(remote.status).toBe(2);
    expect(remote.stderr).toContain("unless you pass --allow-remote");
    expect((await cliAsync(["lab", "check", "shoes"], env)).stderr).toContain('unknown lab "shoes"; did you mean "shows"?');
    expect((await cliAsync(["lab", "check", "shows", "--check", "nope"], env)).status).toBe(2);
    expect((await cliAsync(["lab", "check", "shows", "--timeout", "0"], env)).status).toBe(2);
    expect((await cliAsync(["config", "set", "lab.baseUrl", "ftp://x"], env)).status).toBe(2);
  });
});

describe("lab, start and solution", () => {
  it("without a terminal, `lab` lists the labs instead of waiting for keys", async () => {
    const r = await cliAsync(["lab"], env, 10_000);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("01  shows");
    expect(r.stdout).toContain("11  jobs");
  });

  it("lab start prints what to build and writes a starter, never over existing files without --force", async () => {
    const target = join(dir, "my-encore");
    const r = await cliAsync(["lab", "start", "1", "--stack", "python", "--starter", target], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Lab 01 · Shows: the first resource");
    expect(r.stdout).toContain("ENCORE_JWT_SECRET=encore-labs-local-only-hs256-key-0f3c9a7e51d2");
    expect(r.stdout).toContain("What is checked (14 checks)");
    expect(r.stdout).toMatch(/Wrote \d+ files? to /);
    expect(existsSync(join(target, "main.py"))).toBe(true);
    const again = await cliAsync(["lab", "start", "1", "--stack", "python", "--starter", target], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exist in .*nothing was written. Pass --force/);
    const forced = await cliAsync(["lab", "start", "1", "--stack", "python", "--starter", target, "--force"], env);
    expect(forced.status).toBe(0);
    expect(readdirSync(target).length).toBeGreaterThan(0);
  });

  it("the reference solution waits for a pass unless asked, and comes in the learner's stack", async () => {
    const early = await cliAsync(["lab", "solution", "shows"], env);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain("add --anyway");
    const py = await cliAsync(["lab", "solution", "shows", "--anyway", "--stack", "python"], env);
    expect(py.status).toBe(0);
    expect(py.stdout).toContain("Python (FastAPI)");
    expect(py.stdout).not.toContain(ESC);
  });
});
