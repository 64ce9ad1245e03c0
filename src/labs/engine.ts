// Runs a lab's checks against a server: builds each request, sends it, tests the answer, keeps
// what later steps need. Everything outside (the clock, randomness, the network limits, what to
// do with each result) comes in through RunConfig, so tests can drive it in-process.
import type { ExpectFile, RequestFile, StepFile } from "../content/lab-schema.js";
import type { Lab, LabCheck } from "../content/model.js";
import { send, type HttpLimits } from "./http.js";
import { interpolate, interpolateDeep, interpolateString, TemplateError, type Scope } from "./interpolate.js";
import { matchBody, matchCollected, matchHeaders, matchJson, matchProblem, matchSameAs, matchStatus, matchTime, show } from "./match.js";
import { getPointer } from "./pointer.js";
import type { Random } from "./random.js";
import { LAB_WEBHOOK_SECRET, WRONG_WEBHOOK_SECRET, webhookSignature } from "./secrets.js";
import { baseText } from "./target.js";
import type { Exchange, Failure, Received, SentRequest } from "./types.js";

export interface RunConfig {
  /** The address that answered (see target.ts reach()). */
  base: URL;
  limits: HttpLimits;
  random: Random;
  now: () => Date;
  /** Bearer tokens by kind, minted once per run (secrets.ts mintTokens). */
  tokens: Record<string, string>;
  /** The longest wait between tries that a Retry-After can ask for. */
  maxWaitMs: number;
  /** Multiplies every `maxMs` (tests on a loaded machine allow more; 1 for learners). */
  timeAllowance?: number;
  /** Only these checks (all when absent). */
  only?: readonly string[];
  /** Every lab of the course, for procedures that replay other labs. */
  labs: readonly Lab[];
  /** Encore's contract (content/encore/openapi.yaml) as a JSON value, for responses-conform. */
  contract?: () => Promise<unknown>;
  onResult?: (r: CheckResult) => void;
  /**
   * Exchanges of labs already sent, by lab id: procedures that judge another lab's answers use
   * them instead of sending its requests again. A caller running several labs in a row may
   * share one map; a complete run of a lab adds its own exchanges to it.
   */
  replays?: Map<string, Promise<Exchange[]>>;
  /** Requests in a row that got no answer in time, across checks; two stop the run. */
  timeouts?: { count: number };
}

export interface CheckFailure {
  /** 1-based step number, 0 for a procedure. */
  step: number;
  exchange?: Exchange;
  failures: Failure[];
  /** A failure that is not one expectation: a timeout, a template with no value. */
  message?: string;
}

export interface CheckResult {
  id: string;
  title: string;
  teaches: string;
  passed: boolean;
  failure?: CheckFailure;
  exchanges: Exchange[];
  ms: number;
}

export interface LabRun {
  lab: Lab;
  base: string;
  results: CheckResult[];
  /** The setup steps failed: no check ran. */
  setupFailure?: CheckFailure;
  /** The run stopped early: the server stopped answering. */
  stopped?: string;
}

/** The server went away or cannot be reached: one clear error instead of N failures. */
export class RunStopped extends Error {}

class StepFailed extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failure.message ?? "step failed");
  }
}

interface CheckState {
  scope: Scope;
  lists: Map<string, unknown[]>;
  named: Map<string, Received>;
  exchanges: Exchange[];
  cfg: RunConfig;
  timeouts: { count: number };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newScope(cfg: RunConfig, vars: Map<string, unknown>): Scope {
  return {
    vars: new Map(vars),
    named: new Map(),
    random: cfg.random,
    token: (kind) => {
      const t = cfg.tokens[kind];
      if (!t) throw new TemplateError(`there is no token of kind "${kind}"`);
      return t;
    },
  };
}

/** A path, or a URL the server gave us (a Location), sent to the base URL we were given. */
function pathOf(target: string): string {
  if (/^https?:\/\//i.test(target)) {
    const u = new URL(target);
    return `${u.pathname}${u.search}`;
  }
  return target.startsWith("/") ? target : `/${target}`;
}

export function buildRequest(r: RequestFile, scope: Scope, cfg: Pick<RunConfig, "base" | "tokens" | "now">, extraQuery?: Record<string, string>): SentRequest {
  const url = new URL(baseText(cfg.base) + pathOf(interpolateString(r.path, scope)));
  for (const [k, v] of Object.entries(r.query ?? {})) url.searchParams.set(k, typeof v === "string" ? interpolateString(v, scope) : String(v));
  for (const [k, v] of Object.entries(extraQuery ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (r.auth && r.auth !== "none") headers.authorization = `Bearer ${scope.token(r.auth)}`;
  let body: string | undefined;
  if (r.json !== undefined) {
    body = JSON.stringify(interpolateDeep(r.json, scope));
    headers["content-type"] = "application/json";
  } else if (r.body !== undefined) {
    body = interpolateString(r.body, scope);
  }
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = interpolateString(v, scope);
  if (r.sign) {
    const id = interpolateString(r.sign.id, scope);
    const ts = Math.floor(cfg.now().getTime() / 1000) + (r.sign.age ?? 0);
    headers["webhook-id"] = id;
    headers["webhook-timestamp"] = String(ts);
    headers["webhook-signature"] = webhookSignature(r.sign.secret === "wrong" ? WRONG_WEBHOOK_SECRET : LAB_WEBHOOK_SECRET, id, ts, body ?? "");
  }
  return { method: r.method, url: url.href, headers, body };
}

/** Every expectation of `e` that the response does not meet. A wrong status hides the rest. */
export function check(e: ExpectFile | undefined, resp: Received, st: Pick<CheckState, "scope" | "named"> & { cfg?: Pick<RunConfig, "timeAllowance"> }): Failure[] {
  if (!e) return [];
  const status = matchStatus(e.status, resp.status);
  if (status.length) return status;
  return [
    ...matchTime(e.maxMs === undefined ? undefined : e.maxMs * (st.cfg?.timeAllowance ?? 1), resp),
    ...(e.problem ? matchProblem(resp) : []),
    ...matchHeaders(e.headers, resp.headers, st.scope),
    ...matchJson(e.json, resp, st.scope),
    ...matchBody(e.body, resp, st.scope),
    ...(e.sameAs ? matchSameAs(e.sameAs, resp, st.named.get(e.sameAs)) : []),
  ];
}

async function exchange(req: SentRequest, st: CheckState, stepNo: number): Promise<Received> {
  const ex = await send(req, st.cfg.limits);
  st.exchanges.push(ex);
  if (ex.error) {
    if (ex.error.kind === "refused" || ex.error.kind === "bad-port") {
      const where = baseText(st.cfg.base);
      throw new RunStopped(ex.error.kind === "bad-port" ? `${where}: port ${st.cfg.base.port} is one that fetch refuses to use (a "bad port" in the Fetch standard); run your server on another port, such as 3000 or 8000` : `your server stopped answering at ${where} (connection refused); is it still running?`);
    }
    if (ex.error.kind === "timeout" && ++st.timeouts.count >= 2) {
      throw new RunStopped(`your server at ${baseText(st.cfg.base)} stopped answering: two requests in a row got no answer within ${st.cfg.limits.timeoutMs / 1000} s`);
    }
    throw new StepFailed({ step: stepNo, exchange: ex, failures: [], message: ex.error.message });
  }
  st.timeouts.count = 0;
  return ex.response!;
}

function capture(step: StepFile, resp: Received, st: CheckState, stepNo: number, ex: Exchange) {
  for (const [name, c] of Object.entries(step.capture ?? {})) {
    let value: unknown;
    let where: string;
    if ("json" in c) {
      const l = getPointer(resp.json, c.json);
      value = l.found ? l.value : undefined;
      where = `body ${c.json}`;
    } else {
      value = resp.headers[c.header.toLowerCase()];
      where = `header ${c.header.toLowerCase()}`;
    }
    if (value === undefined || value === null) {
      throw new StepFailed({ step: stepNo, exchange: ex, failures: [{ what: where, expected: `a value (kept as ${name} for the next steps)`, actual: "(missing)" }] });
    }
    if (c.append) {
      const list = (st.scope.vars.get(name) as unknown[] | undefined) ?? [];
      st.scope.vars.set(name, [...list, value]);
    } else st.scope.vars.set(name, value);
  }
}

function collect(step: StepFile, resp: Received, st: CheckState) {
  if (!step.collect) return;
  const l = getPointer(resp.json, step.collect.items);
  const items = l.found && Array.isArray(l.value) ? l.value : [];
  st.lists.set(step.collect.into, [...(st.lists.get(step.collect.into) ?? []), ...items]);
}

function describeExpect(e: ExpectFile): string {
  const parts: string[] = [];
  if (e.status !== undefined) parts.push(`status ${typeof e.status === "object" ? e.status.join(" or ") : e.status}`);
  for (const h of Object.keys(e.headers ?? {})) parts.push(`header ${h.toLowerCase()}`);
  for (const p of Object.keys(e.json ?? {})) parts.push(`body ${p}`);
  return parts.join(", ") || "the expected answer";
}

async function runStep(step: StepFile, stepNo: number, st: CheckState): Promise<void> {
  const { scope, cfg } = st;
  const finish = (resp: Received, ex: Exchange) => {
    const failures = check(step.expect, resp, st);
    if (failures.length) throw new StepFailed({ step: stepNo, exchange: ex, failures });
    capture(step, resp, st, stepNo, ex);
    collect(step, resp, st);
    if (step.name) st.named.set(step.name, resp);
  };
  const last = () => st.exchanges.at(-1)!;

  if (step.repeat) {
    for (let i = 1; i <= step.repeat; i++) {
      scope.index = i;
      finish(await exchange(buildRequest(step.request, scope, cfg), st, stepNo), last());
    }
  } else if (step.until) {
    let resp: Received | undefined;
    let misses: Failure[] = [];
    for (let i = 1; i <= step.max!; i++) {
      scope.index = i;
      resp = await exchange(buildRequest(step.request, scope, cfg), st, stepNo);
      misses = check(step.until, resp, st);
      if (!misses.length) break;
      if (i < step.max!) await wait(pause(step.wait, resp, cfg.maxWaitMs));
    }
    if (misses.length) {
      throw new StepFailed({ step: stepNo, exchange: last(), failures: misses, message: `after ${step.max} tries the answer still did not have ${describeExpect(step.until)}` });
    }
    finish(resp!, last());
  } else if (step.pages) {
    let cursor: string | undefined;
    for (let page = 1; ; page++) {
      scope.index = page;
      const resp = await exchange(buildRequest(step.request, scope, cfg, cursor === undefined ? undefined : { [step.pages.param]: cursor }), st, stepNo);
      finish(resp, last());
      const next = getPointer(resp.json, step.pages.next);
      if (!next.found || next.value === null || next.value === "") break;
      if (typeof next.value !== "string") {
        throw new StepFailed({ step: stepNo, exchange: last(), failures: [{ what: `body ${step.pages.next}`, expected: "a cursor string, or null on the last page", actual: show(next.value) }] });
      }
      if (page >= step.pages.max) {
        throw new StepFailed({ step: stepNo, exchange: last(), failures: [], message: `still not at the last page after ${step.pages.max} pages; does the cursor move forward?` });
      }
      cursor = next.value;
    }
  } else {
    delete scope.index;
    finish(await exchange(buildRequest(step.request, scope, cfg), st, stepNo), last());
  }
  delete scope.index;
  if (step.expect?.collected) {
    const failures = matchCollected(step.expect.collected, st.lists.get(step.expect.collected.list), scope);
    if (failures.length) throw new StepFailed({ step: stepNo, exchange: last(), failures });
  }
}

/** Milliseconds to wait before the next try: a fixed pause, or the server's Retry-After (capped). */
export function pause(spec: StepFile["wait"], resp: Received, maxWaitMs: number): number {
  if (spec === undefined) return 0;
  if (typeof spec === "number") return Math.min(spec, maxWaitMs);
  const header = resp.headers["retry-after"];
  const seconds = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : 1;
  return Math.min(seconds * 1000, maxWaitMs);
}

async function runSteps(steps: readonly StepFile[], st: CheckState): Promise<CheckFailure | undefined> {
  for (const [i, step] of steps.entries()) {
    try {
      await runStep(step, i + 1, st);
    } catch (e) {
      if (e instanceof StepFailed) return e.failure;
      if (e instanceof TemplateError) return { step: i + 1, failures: [], message: e.message };
      throw e;
    }
  }
  return undefined;
}

export interface LabScope {
  vars: Map<string, unknown>;
}

/** Runs the lab's setup: its captures become variables every check can use. */
async function setup(lab: Lab, cfg: RunConfig): Promise<{ vars: Map<string, unknown>; failure?: CheckFailure; exchanges: Exchange[] }> {
  const vars = new Map<string, unknown>([["run", cfg.random.hex(6)]]);
  const st: CheckState = { scope: newScope(cfg, vars), lists: new Map(), named: new Map(), exchanges: [], cfg, timeouts: cfg.timeouts ?? { count: 0 } };
  for (const [k, v] of Object.entries(lab.vars)) st.scope.vars.set(k, interpolate(v, st.scope));
  const failure = await runSteps(lab.setup, st);
  return { vars: st.scope.vars, failure, exchanges: st.exchanges };
}

async function runCheck(lab: Lab, c: LabCheck, vars: Map<string, unknown>, cfg: RunConfig): Promise<CheckResult> {
  const started = performance.now();
  const st: CheckState = { scope: newScope(cfg, vars), lists: new Map(), named: new Map(), exchanges: [], cfg, timeouts: cfg.timeouts ?? { count: 0 } };
  let failure: CheckFailure | undefined;
  if (c.procedure) {
    const { runProcedure } = await import("./procedures.js");
    const out = await runProcedure(c.procedure, { cfg, lab, send: (req) => exchange(req, st, 0), exchanges: st.exchanges, replay: (labId) => replay(labId, cfg) });
    if (out.failures.length || out.message) failure = { step: 0, exchange: out.exchange, failures: out.failures, message: out.message };
  } else {
    failure = await runSteps(c.steps ?? [], st);
  }
  return { id: c.id, title: c.title, teaches: c.teaches, passed: !failure, failure, exchanges: st.exchanges, ms: performance.now() - started };
}

/** Sends another lab's requests (results ignored) and returns every exchange, for procedures. */
function replay(labId: string, cfg: RunConfig): Promise<Exchange[]> {
  const cache = cfg.replays ?? new Map<string, Promise<Exchange[]>>();
  if (!cache.has(labId)) cache.set(labId, replayOnce(labId, cfg));
  return cache.get(labId)!;
}

async function replayOnce(labId: string, cfg: RunConfig): Promise<Exchange[]> {
  const lab = cfg.labs.find((l) => l.id === labId);
  if (!lab) throw new Error(`no lab "${labId}" to replay`);
  const quiet: RunConfig = { ...cfg, only: undefined, onResult: undefined };
  const s = await setup(lab, quiet);
  const out = [...s.exchanges];
  if (s.failure) return out;
  for (const c of lab.checks) {
    if (c.procedure) continue;
    out.push(...(await runCheck(lab, c, s.vars, quiet)).exchanges);
  }
  return out;
}

export async function runLab(lab: Lab, config: RunConfig): Promise<LabRun> {
  const cfg: RunConfig = { ...config, replays: config.replays ?? new Map(), timeouts: config.timeouts ?? { count: 0 } };
  const run: LabRun = { lab, base: baseText(cfg.base), results: [] };
  try {
    const s = await setup(lab, cfg);
    if (s.failure) {
      run.setupFailure = s.failure;
      return run;
    }
    for (const c of lab.checks) {
      if (cfg.only && !cfg.only.includes(c.id)) continue;
      const result = await runCheck(lab, c, s.vars, cfg);
      run.results.push(result);
      cfg.onResult?.(result);
    }
    const steps = lab.checks.filter((c) => !c.procedure);
    if (!cfg.only && !cfg.replays!.has(lab.id) && steps.length === lab.checks.length) {
      cfg.replays!.set(lab.id, Promise.resolve([...s.exchanges, ...run.results.flatMap((r) => r.exchanges)]));
    }
  } catch (e) {
    if (e instanceof RunStopped) run.stopped = e.message;
    else throw e;
  }
  return run;
}
