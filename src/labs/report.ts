// A lab run as the learner reads it: ✔/✘ per check, and for a failure the request, what was
// expected and what came back, a curl command that repeats it, and where the course teaches it.
// Everything the learner's server sent is untrusted: control characters are made visible.
import chalk from "chalk";
import type { Lab } from "../content/model.js";
import type { Terminal } from "../output.js";
import { wrapAnsi } from "fast-wrap-ansi";
import { hangingIndent } from "../render/text.js";
import type { CheckFailure, CheckResult, LabRun } from "./engine.js";
import type { Exchange, Received, SentRequest } from "./types.js";

/** Control characters, C1 controls and bidirectional overrides, shown as \x1b-style escapes. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function sanitize(text: string): string {
  return text.replace(UNSAFE, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl command that sends the same request. */
export function curlCommand(req: SentRequest, displayUrl = req.url): string {
  const parts = [`curl -i${req.method === "GET" ? "" : ` -X ${req.method}`} ${quote(displayUrl)}`];
  for (const [k, v] of Object.entries(req.headers)) parts.push(`-H ${quote(`${k}: ${v}`)}`);
  if (req.body !== undefined) parts.push(`--data-raw ${quote(req.body)}`);
  return parts.join(" \\\n  ");
}

export interface ReportOptions {
  verbose: boolean;
  /** The base URL as the learner gave it; requests went to the address that answered. */
  displayBase: string;
  sentBase: string;
  /** How a course link reads ("learn 1 --section x"). */
  describeLink: (href: string) => string | undefined;
}

function statusLine(r: Received): string {
  return `${r.status}${r.statusText ? ` ${r.statusText}` : ""}`;
}

/** The body as the learner reads it: JSON pretty-printed, long bodies shortened. */
function bodyExcerpt(r: Received, verbose: boolean): string {
  if (!r.body) return "(no body)";
  if (r.json !== undefined) {
    const lines = JSON.stringify(r.json, null, 2).split("\n");
    const max = verbose ? 400 : 16;
    const shown = lines.slice(0, max).join("\n");
    return sanitize(shown) + (lines.length > max ? `\n… ${lines.length - max} more lines${verbose ? "" : " (--verbose shows more)"}` : "");
  }
  const max = verbose ? 4000 : 400;
  const cut = r.body.length > max;
  const text = cut ? `${r.body.slice(0, max)}…` : r.body;
  const note = r.truncated ? "\n(the body was larger than the limit and was cut off)" : cut && !verbose ? "\n(shortened; --verbose shows more)" : "";
  return sanitize(text) + note;
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((l) => (l ? by + l : l))
    .join("\n");
}

export function displayUrl(req: SentRequest, o: Pick<ReportOptions, "displayBase" | "sentBase">): string {
  return req.url.startsWith(o.sentBase) ? o.displayBase + req.url.slice(o.sentBase.length) : req.url;
}

function pathOf(req: SentRequest): string {
  const u = new URL(req.url);
  return `${u.pathname}${u.search}`;
}

function exchangeLines(ex: Exchange, t: Terminal, o: ReportOptions, pad: string): string[] {
  const c = (f: (s: string) => string, s: string) => (t.color ? f(s) : s);
  const out: string[] = [];
  out.push(`${pad}${c(chalk.dim, "→")} ${ex.request.method} ${sanitize(pathOf(ex.request))}${ex.response ? `  ${c(chalk.dim, "←")} ${statusLine(ex.response)}` : ""}`);
  return out;
}

export function renderFailure(f: CheckFailure, steps: number, t: Terminal, o: ReportOptions): string[] {
  const c = (fn: (s: string) => string, s: string) => (t.color ? fn(s) : s);
  const pad = "    ";
  const out: string[] = [];
  const ex = f.exchange;
  const where = f.step > 0 ? `step ${f.step} of ${steps}: ` : "";
  if (ex) out.push(hangingIndent(`${where}${ex.request.method} ${sanitize(pathOf(ex.request))}${ex.response ? ` → ${statusLine(ex.response)}` : ""}`, pad, t.width));
  else if (where) out.push(`${pad}${where.slice(0, -2)}`);
  if (f.message) out.push(hangingIndent(sanitize(f.message), pad, t.width));
  for (const e of f.failures) {
    out.push(`${pad}${c(chalk.bold, sanitize(e.what))}`);
    out.push(hangingIndent(sanitize(e.expected), `${pad}  expected  `, t.width));
    out.push(hangingIndent(sanitize(e.actual), `${pad}  actual    `, t.width));
  }
  if (ex?.response) {
    const type = ex.response.headers["content-type"];
    out.push(`${pad}response  ${statusLine(ex.response)}${type ? ` · ${sanitize(type)}` : ""}`);
    // Wrapped line by line, keeping the JSON's indentation.
    const width = Math.max(20, t.width - pad.length - 2);
    const body = bodyExcerpt(ex.response, o.verbose).split("\n").map((l) => wrapAnsi(l, width, { hard: true, trim: false }));
    out.push(indent(body.join("\n"), `${pad}  `));
  }
  if (ex) {
    out.push(`${pad}reproduce`);
    // Not wrapped: it must paste as one command.
    out.push(indent(sanitize(curlCommand(ex.request, displayUrl(ex.request, o))), `${pad}  `));
  }
  return out;
}

export function renderCheck(lab: Lab, r: CheckResult, t: Terminal, o: ReportOptions): string {
  const c = (f: (s: string) => string, s: string) => (t.color ? f(s) : s);
  const mark = r.passed ? c(chalk.green, "✔") : c(chalk.red, "✘");
  const out = [hangingIndent(r.title, `  ${mark} `, t.width)];
  const check = lab.checks.find((x) => x.id === r.id);
  if (!r.passed && r.failure) {
    out.push(...renderFailure(r.failure, check?.steps?.length ?? 0, t, o));
    const learn = o.describeLink(r.teaches);
    out.push(`    taught in  ${learn && learn !== "coming soon" ? `api-architect ${learn}` : `${r.teaches.replace(/^module:/, "module ")} (coming soon)`}`);
    out.push(`    hint       api-architect lab hint ${lab.id} ${r.id}`);
  }
  if (o.verbose) for (const ex of r.exchanges) out.push(...exchangeLines(ex, t, o, "      "));
  return out.join("\n");
}

export function renderHeader(lab: Lab, base: string, t: Terminal): string {
  const title = `Lab ${String(lab.moduleNumber).padStart(2, "0")} · ${lab.title}`;
  return `${t.color ? chalk.bold.magenta(title) : title}\n${t.color ? chalk.dim(`checking ${base}`) : `checking ${base}`}\n`;
}

export function renderSummary(run: LabRun, t: Terminal, o: ReportOptions, total = run.lab.checks.length): string {
  const c = (f: (s: string) => string, s: string) => (t.color ? f(s) : s);
  if (run.setupFailure) {
    const lines = [
      c(chalk.red, "The lab could not start: it first creates what the checks need, and that request failed, so no check ran."),
      ...renderFailure(run.setupFailure, run.lab.setup.length, t, o),
      `Build this part first; \`api-architect lab start ${run.lab.id}\` lists what the lab expects.`,
    ];
    return lines.join("\n");
  }
  const passed = run.results.filter((r) => r.passed).length;
  const ran = run.results.length;
  const line = `${passed} of ${ran} check${ran === 1 ? "" : "s"} pass${ran === 1 ? "es" : ""}${ran < total && !run.stopped ? ` (${total - ran} not run: --check picked these)` : ""}.`;
  const out = [passed === ran && ran > 0 ? c(chalk.green.bold, line) : c(chalk.bold, line)];
  if (passed === ran && ran === total) out.push(`Lab passed. Compare with the reference solution: api-architect lab solution ${run.lab.id}`);
  return out.join("\n");
}

export function renderRun(run: LabRun, t: Terminal, o: ReportOptions): string {
  const parts = [renderHeader(run.lab, o.displayBase, t)];
  for (const r of run.results) parts.push(renderCheck(run.lab, r, t, o));
  parts.push("", renderSummary(run, t, o));
  return parts.join("\n");
}

/** --json: the run as data (see README for the shape). */
export function runJson(run: LabRun, o: Pick<ReportOptions, "displayBase" | "sentBase" | "describeLink">) {
  const failure = (f: CheckFailure | undefined) =>
    f && {
      step: f.step,
      message: f.message ?? null,
      expectations: f.failures,
      request: f.exchange ? { ...f.exchange.request, url: displayUrl(f.exchange.request, o) } : null,
      response: f.exchange?.response ? { status: f.exchange.response.status, headers: f.exchange.response.headers, body: f.exchange.response.body, truncated: f.exchange.response.truncated } : null,
      curl: f.exchange ? curlCommand(f.exchange.request, displayUrl(f.exchange.request, o)) : null,
    };
  return {
    lab: run.lab.id,
    module: run.lab.module,
    baseUrl: o.displayBase,
    passed: run.results.filter((r) => r.passed).length,
    total: run.results.length,
    checks: run.results.map((r) => ({
      id: r.id,
      title: r.title,
      passed: r.passed,
      teaches: r.teaches,
      learn: o.describeLink(r.teaches) ?? null,
      hint: `api-architect lab hint ${run.lab.id} ${r.id}`,
      failure: failure(r.failure) ?? null,
    })),
    setupFailure: failure(run.setupFailure) ?? null,
    stopped: run.stopped ?? null,
  };
}
