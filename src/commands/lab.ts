// `api-architect lab ...`: the labs, what to build, checking the learner's running server,
// hints and reference solutions. The engine lives in src/labs/; this file wires it to the
// terminal, the store and the course.
import chalk from "chalk";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { GlobalOptions } from "../options.js";
import { context, stackFor, type Context } from "../context.js";
import { STACK_LABELS, type Lab, type Stack } from "../content/model.js";
import { CliError, EXIT, UsageError } from "../errors.js";
import { linkDescriber, renderText } from "../render/lesson.js";
import { hangingIndent, pad2 } from "../render/text.js";
import type { LabRun, RunConfig } from "../labs/engine.js";
import { labStatus, recordRun } from "../labs/record.js";
import { resolveCheck, resolveLab } from "../labs/resolve.js";
import { baseText, defaultBaseUrl, parseBaseUrl, reach } from "../labs/target.js";

export interface LabCheckOptions {
  baseUrl?: string;
  check?: string[];
  json?: boolean;
  verbose?: boolean;
  allowRemote?: boolean;
  watch?: boolean;
  timeout?: number;
}

const learnerStack = (ctx: Context): Stack => ctx.settings().stack ?? "typescript";

// --- list ---------------------------------------------------------------------------------

export function labListJson(ctx: Context) {
  const p = ctx.progress();
  return ctx.course.labs.map((lab) => {
    const s = labStatus(lab, p);
    return {
      id: lab.id,
      title: lab.title,
      module: lab.module,
      moduleNumber: lab.moduleNumber,
      moduleWritten: ctx.course.modules.some((m) => m.id === lab.module),
      stage: lab.stage,
      checks: s.checks,
      passing: s.passing,
      passed: s.passed,
      passedAt: s.passedAt,
      lastRunAt: s.lastRunAt,
    };
  });
}

export function renderLabList(ctx: Context): string {
  const t = ctx.term;
  const c = (f: (s: string) => string, s: string) => (t.color ? f(s) : s);
  const out = [c(chalk.bold.magenta, "Labs: build Encore in your stack, and the tutor checks your running server"), ""];
  for (const lab of ctx.course.labs) {
    const s = labStatus(lab, ctx.progress());
    const state = s.passed ? c(chalk.green, "passed") : s.lastRunAt ? `${s.passing}/${s.checks} passing` : "not started";
    const module = ctx.course.modules.find((m) => m.id === lab.module)?.title ?? `${ctx.course.planned.find((p) => p.id === lab.module)?.title ?? lab.module} (coming soon)`;
    out.push(`  ${pad2(lab.moduleNumber)}  ${c(chalk.bold, lab.id.padEnd(9))} ${lab.title}`);
    out.push(c(chalk.dim, `      module ${pad2(lab.moduleNumber)} ${module} · ${s.checks} checks · ${state}`));
  }
  out.push("", "Start one with `api-architect lab start <lab>`, then `api-architect lab check <lab>`.");
  return out.join("\n");
}

export async function labList(opts: { json?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  ctx.term.print(opts.json ? JSON.stringify(labListJson(ctx), null, 2) : renderLabList(ctx));
  return EXIT.ok;
}

// --- start --------------------------------------------------------------------------------

export function renderLabBrief(ctx: Context, lab: Lab, stack: Stack): string {
  const t = ctx.term;
  const c = (f: (s: string) => string, s: string) => (t.color ? f(s) : s);
  const describe = linkDescriber(ctx.course);
  const out = [c(chalk.bold.magenta, `Lab ${pad2(lab.moduleNumber)} · ${lab.title}`), hangingIndent(lab.summary, "", t.width), ""];
  out.push(renderText(ctx.course, lab.intro, t, stack).trimEnd(), "");
  out.push(c(chalk.bold, `What is checked (${lab.checks.length} checks)`));
  for (const check of lab.checks) {
    const learn = describe(check.teaches);
    out.push(hangingIndent(check.title, "  • ", t.width));
    out.push(c(chalk.dim, `      ${learn && learn !== "coming soon" ? `api-architect ${learn}` : "taught in a module coming soon"}`));
  }
  out.push("", `When your server runs: api-architect lab check ${lab.id}  (default ${defaultBaseUrl(stack)} for ${STACK_LABELS[stack]}; --base-url to change it)`);
  return out.join("\n");
}

async function offerStarter(ctx: Context, stack: Stack, target: string | undefined, force: boolean): Promise<void> {
  const { planStarter, RUN_HINT, starterDir, writeStarter } = await import("../labs/starter.js");
  let dir = target;
  if (!dir) {
    if (!ctx.term.interactive) return;
    const { ask, confirm } = await import("../screens/inline.js");
    const want = await confirm(ctx.term, `Write a starter project for ${STACK_LABELS[stack]} to a folder?`, { default: false, hint: "pass --starter <folder>" });
    if (!want) return;
    const typed = await ask(ctx.term, "Folder (created if missing):", { hint: "pass --starter <folder>" });
    if (typed === undefined) return;
    dir = typed.trim() || `encore-${stack}`;
  }
  const plan = planStarter(starterDir(ctx.course.dir, stack), dir);
  let overwrite = force;
  if (plan.existing.length && !force) {
    const list = plan.existing.slice(0, 8).join(", ") + (plan.existing.length > 8 ? ", ..." : "");
    if (!ctx.term.interactive) {
      throw new CliError(`${plan.existing.length} of the starter's files already exist in ${plan.to} (${list}); nothing was written. Pass --force to overwrite them, or choose another folder`);
    }
    const { confirm } = await import("../screens/inline.js");
    overwrite = await confirm(ctx.term, `${plan.existing.length} file(s) already exist in ${plan.to} (${list}). Overwrite them?`, { default: false, hint: "pass --force" });
  }
  const written = writeStarter(plan, overwrite);
  const skipped = plan.files.length - written.length;
  ctx.term.print(`\nWrote ${written.length} file${written.length === 1 ? "" : "s"} to ${plan.to}${skipped ? ` (kept ${skipped} existing)` : ""}.\nNext: cd ${plan.to} && ${RUN_HINT[stack]}`);
}

/** From the menu: offer the starter for the learner's stack. */
export async function labStartInteractive(ctx: Context, _lab: Lab, stack: Stack): Promise<void> {
  await offerStarter(ctx, stack, undefined, false);
}

export async function labStart(id: string, opts: { stack?: string; starter?: string; force?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const lab = resolveLab(ctx.course, id);
  const choice = stackFor(ctx, opts.stack);
  if (choice === "all") throw new UsageError("a lab is built in one stack; pass --stack typescript, python, php or csharp");
  ctx.term.print(renderLabBrief(ctx, lab, choice));
  await offerStarter(ctx, choice, opts.starter, Boolean(opts.force));
  return EXIT.ok;
}

// --- hint and solution --------------------------------------------------------------------

export function renderHint(ctx: Context, lab: Lab, checkId: string): string {
  const check = resolveCheck(lab, checkId);
  const learn = linkDescriber(ctx.course)(check.teaches);
  const t = ctx.term;
  return [
    t.color ? chalk.bold(check.title) : check.title,
    "",
    renderText(ctx.course, check.hint, t, learnerStack(ctx)).trimEnd(),
    "",
    `Taught in: ${learn && learn !== "coming soon" ? `api-architect ${learn}` : "a module coming soon"}`,
  ].join("\n");
}

export async function labHint(id: string, checkId: string, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  ctx.term.print(renderHint(ctx, resolveLab(ctx.course, id), checkId));
  return EXIT.ok;
}

export function renderSolution(ctx: Context, lab: Lab, stack: Stack): string {
  const t = ctx.term;
  const title = `Reference solution · Lab ${pad2(lab.moduleNumber)} · ${lab.title} · ${STACK_LABELS[stack]}`;
  const parts = [t.color ? chalk.bold.magenta(title) : title];
  for (const s of lab.solution) parts.push(renderText(ctx.course, s.markdown, t, stack).trimEnd());
  return parts.join("\n\n");
}

export async function labSolution(id: string, opts: { stack?: string; anyway?: boolean }, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  const lab = resolveLab(ctx.course, id);
  const choice = stackFor(ctx, opts.stack);
  if (choice === "all") throw new UsageError("pass one stack: --stack typescript, python, php or csharp");
  if (!labStatus(lab, ctx.progress()).passed && !opts.anyway) {
    throw new UsageError(`you have not passed lab ${lab.id} yet; the solution is more useful afterwards (\`api-architect lab check ${lab.id}\`), or add --anyway to read it now`);
  }
  ctx.term.print(renderSolution(ctx, lab, choice));
  return EXIT.ok;
}

// --- check --------------------------------------------------------------------------------

async function loadContract(ctx: Context): Promise<unknown> {
  try {
    return parseYaml(readFileSync(join(ctx.course.dir, "encore", "openapi.yaml"), "utf8"));
  } catch (e) {
    if (ctx.term.env.API_ARCHITECT_DEBUG) ctx.term.note(`contract: ${(e as Error).message}`);
    return undefined;
  }
}

export interface PreparedRun {
  config: RunConfig;
  displayBase: string;
  sentBase: string;
}

/** Everything a run needs: the address that answers, tokens, limits. Throws a clear error when nothing listens. */
export async function prepareRun(ctx: Context, opts: LabCheckOptions): Promise<PreparedRun> {
  const stack = learnerStack(ctx);
  const given = opts.baseUrl ?? ctx.settings().lab?.baseUrl ?? defaultBaseUrl(stack);
  const url = parseBaseUrl(given, Boolean(opts.allowRemote));
  const reached = await reach(url);
  const [{ createRandom }, { mintTokens }] = await Promise.all([import("../labs/random.js"), import("../labs/secrets.js")]);
  // Tests set a seed so a run's names and ids repeat; learners get fresh ones every run.
  const random = createRandom(ctx.term.env.API_ARCHITECT_LAB_SEED);
  const who = { staff: random.uuid(), customer: random.uuid(), otherCustomer: random.uuid() };
  const now = () => new Date();
  const config: RunConfig = {
    base: reached,
    limits: { timeoutMs: (opts.timeout ?? 5) * 1000, bodyCap: 1_048_576 },
    random,
    now,
    tokens: await mintTokens(who, now()),
    maxWaitMs: 2_000,
    only: opts.check,
    labs: ctx.course.labs,
    contract: () => loadContract(ctx),
  };
  return { config, displayBase: baseText(url), sentBase: baseText(reached) };
}

async function record(ctx: Context, run: LabRun, displayBase: string): Promise<void> {
  const stack = ctx.settings().stack;
  await ctx.store.update((p) => {
    recordRun(p, run, { at: new Date(), ...(stack ? { stack } : {}), baseUrl: displayBase });
  });
}

function firstHint(ctx: Context, run: LabRun): string | undefined {
  const failing = run.results.find((r) => !r.passed);
  return failing ? renderHint(ctx, run.lab, failing.id) : undefined;
}

/** Runs a lab once, printing as checks finish; returns the run (text mode). */
async function runOnce(ctx: Context, lab: Lab, prepared: PreparedRun, opts: LabCheckOptions): Promise<LabRun> {
  const { runLab } = await import("../labs/engine.js");
  const report = await import("../labs/report.js");
  const ro = { verbose: Boolean(opts.verbose), displayBase: prepared.displayBase, sentBase: prepared.sentBase, describeLink: linkDescriber(ctx.course) };
  ctx.term.print(report.renderHeader(lab, prepared.displayBase, ctx.term));
  const run = await runLab(lab, { ...prepared.config, replays: undefined, onResult: (r) => ctx.term.print(report.renderCheck(lab, r, ctx.term, ro)) });
  ctx.term.print(`\n${report.renderSummary(run, ctx.term, ro)}`);
  if (run.stopped) ctx.term.warn(run.stopped);
  await record(ctx, run, prepared.displayBase);
  return run;
}

const exitOf = (run: LabRun) => (run.setupFailure || run.stopped || run.results.some((r) => !r.passed) ? EXIT.failure : EXIT.ok);

export async function runLabCheck(ctx: Context, lab: Lab, opts: LabCheckOptions): Promise<number> {
  if (opts.check?.length) opts.check = opts.check.flatMap((c) => c.split(",")).filter(Boolean).map((c) => resolveCheck(lab, c).id);
  const prepared = await prepareRun(ctx, opts);
  if (opts.json) {
    const { runLab } = await import("../labs/engine.js");
    const { runJson } = await import("../labs/report.js");
    const run = await runLab(lab, prepared.config);
    await record(ctx, run, prepared.displayBase);
    ctx.term.print(JSON.stringify(runJson(run, { displayBase: prepared.displayBase, sentBase: prepared.sentBase, describeLink: linkDescriber(ctx.course) }), null, 2));
    if (run.stopped) ctx.term.warn(run.stopped);
    return exitOf(run);
  }
  const interactive = opts.watch !== false && ctx.term.interactive;
  if (!interactive) return exitOf(await runOnce(ctx, lab, prepared, opts));
  const { watchLoop } = await import("../labs/watch.js");
  let last: LabRun | undefined;
  return watchLoop(
    {
      run: async () => {
        // The server may have been restarted on the other address between runs.
        const again = last ? await prepareRun(ctx, opts).catch((e: unknown) => e) : prepared;
        if (again instanceof Error) {
          ctx.term.print(`\n${(again as Error).message}`);
          return EXIT.failure;
        }
        last = await runOnce(ctx, lab, again as PreparedRun, opts);
        return exitOf(last);
      },
      hint: () => (last ? firstHint(ctx, last) : undefined),
      clear: () => ctx.term.clear(),
    },
    { input: ctx.term.io.stdin as NodeJS.ReadStream, write: (s) => ctx.term.write(s) },
  );
}

export async function labCheck(id: string, opts: LabCheckOptions, g: GlobalOptions): Promise<number> {
  const ctx = await context(g);
  return runLabCheck(ctx, resolveLab(ctx.course, id), opts);
}
