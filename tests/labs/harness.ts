// Starts Encore's reference server in this process (optionally with a mistake injected in
// front of it) and runs labs against it with the real engine.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import express, { type RequestHandler } from "express";
import { parse } from "yaml";
import { createApp } from "../../content/labs/reference/typescript/src/app.js";
import { loadConfig } from "../../content/labs/reference/typescript/src/config.js";
import { loadCourseFrom } from "../../src/content/loader.js";
import type { Lab } from "../../src/content/model.js";
import { runLab, type LabRun, type RunConfig } from "../../src/labs/engine.js";
import { createRandom } from "../../src/labs/random.js";
import { mintTokens } from "../../src/labs/secrets.js";
import { REAL_CONTENT } from "../helpers.js";

export interface Running {
  url: URL;
  server: Server;
  close(): Promise<void>;
}

export const CONTRACT_FILE = process.env.ENCORE_OPENAPI_FILE ?? join(REAL_CONTENT, "encore", "openapi.yaml");

/** The reference server on a free loopback port; `before` handlers run in front of it. */
export async function startReference(before: RequestHandler[] = [], options: { jobDelayMs?: number } = {}): Promise<Running> {
  if (!existsSync(CONTRACT_FILE)) {
    throw new Error(`${CONTRACT_FILE} is missing: the reference server serves Encore's contract at /openapi.json. Merge the contract, or point ENCORE_OPENAPI_FILE at a copy`);
  }
  const config = { ...loadConfig({}), openapiFile: CONTRACT_FILE, jobDelayMs: options.jobDelayMs ?? 60, log: () => {} };
  const outer = express();
  outer.set("etag", false);
  for (const h of before) outer.use(h);
  outer.use(createApp(config));
  const server = createServer(outer);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    server,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

let course: ReturnType<typeof loadCourseFrom>["course"];
export function realLabs(): Lab[] {
  if (!course) {
    const loaded = loadCourseFrom(REAL_CONTENT);
    if (loaded.problems.length) throw new Error(loaded.problems.join("\n"));
    course = loaded.course;
  }
  return course!.labs;
}

export async function runAgainst(url: URL, lab: Lab, overrides: Partial<RunConfig> = {}): Promise<LabRun> {
  const random = createRandom(overrides.random ? undefined : undefined);
  const who = { staff: random.uuid(), customer: random.uuid(), otherCustomer: random.uuid() };
  const now = () => new Date();
  return runLab(lab, {
    base: url,
    limits: { timeoutMs: 3_000, bodyCap: 1_048_576 },
    random,
    now,
    tokens: await mintTokens(who, now()),
    maxWaitMs: 100,
    // Timing checks get five times their allowance: this machine is shared and busy.
    timeAllowance: 5,
    labs: realLabs(),
    contract: async () => parse(readFileSync(CONTRACT_FILE, "utf8")),
    ...overrides,
  });
}

export function summary(run: LabRun): string[] {
  const out = run.results.filter((r) => !r.passed).map((r) => `${run.lab.id}/${r.id}: ${r.failure?.message ?? ""} ${JSON.stringify(r.failure?.failures)}`);
  if (run.setupFailure) out.push(`${run.lab.id}: setup failed ${JSON.stringify(run.setupFailure)}`);
  if (run.stopped) out.push(`${run.lab.id}: stopped ${run.stopped}`);
  return out;
}
