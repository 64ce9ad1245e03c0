// Times whole processes against `node -e 0` on the same machine: interleaved runs, each paired
// with a baseline run, medians, ratios, and each command's peak memory. Usage: npm run bench [-- --runs 15] [-- --only <regex>]
//
// Every measured process, the baseline included, runs in a clean environment: no
// NODE_EXTRA_CA_CERTS (loading a CA bundle makes `node -e 0` itself ~2.7x slower and so hides
// the tutor's own cost) and no NODE_OPTIONS.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCourse } from "./generate-course.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "api-architect.js");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg("--runs", 11));
const only = arg("--only") ? new RegExp(arg("--only")) : undefined;

const work = mkdtempSync(join(tmpdir(), "aa-bench-"));
const clean = { ...process.env };
for (const k of ["NODE_EXTRA_CA_CERTS", "NODE_OPTIONS", "API_ARCHITECT_CONTENT", "FORCE_COLOR"]) delete clean[k];

/** A learner's folders: a store (empty, or with 20,000 answers) and a warm cache. */
function profile(name, extra = {}) {
  const dir = join(work, name);
  return { ...clean, API_ARCHITECT_CONFIG_DIR: join(dir, "config"), API_ARCHITECT_CACHE_DIR: join(dir, "cache"), NO_COLOR: "1", COLUMNS: "80", ...extra };
}

const big = join(work, "course-10x");
const bigModules = generateCourse(join(root, "content"), big, 10);

const env1 = profile("one");
const env1Answers = profile("one-20k");
const env10 = profile("ten", { API_ARCHITECT_CONTENT: big });
const env10Answers = profile("ten-20k", { API_ARCHITECT_CONTENT: big });

const run = (args, env) => spawnSync(process.execPath, [bin, ...args], { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });

/**
 * 20,000 answers spread over a year, across every question of the course, imported the way a
 * learner would bring them in. The 10x course's questions are the real course's under new ids.
 * Sent as a format 1 store (answers only), so that the import's migration replays them into
 * review cards as a learner's own answers would have made them.
 */
function seedAnswers(env, count = 20_000) {
  const course = JSON.parse(readFileSync(join(root, "dist", "course.json"), "utf8")).course;
  const modules = JSON.parse(run(["modules", "--json"], env).stdout);
  const questions = [];
  for (const m of modules) {
    const original = course.modules.find((o) => m.id === o.id || m.id.startsWith(`${o.id}-copy`));
    // What questions say is kept apart from course.json, in quiz/<module>.json, in quiz order.
    const said = JSON.parse(readFileSync(join(root, "dist", "quiz", `${original.id}.json`), "utf8"));
    original.quiz.forEach((q, i) => questions.push([m.id, q.id, said[i].options]));
  }
  const start = Date.now() - 365 * 86_400_000;
  const answers = [];
  for (let i = 0; i < count; i++) {
    const [module, question, options] = questions[i % questions.length];
    const correct = i % 3 !== 0;
    answers.push({ module, question, choice: options.find((o) => o.correct === correct).text, correct, at: new Date(start + i * 1_500_000).toISOString(), rating: correct ? 3 : 1, source: "quiz" });
  }
  const file = join(work, `answers-${env.API_ARCHITECT_CONTENT ? "10x" : "1x"}.json`);
  writeFileSync(file, JSON.stringify({ format: "api-architect-progress", version: 1, exportedAt: new Date().toISOString(), progress: { version: 1, answers } }));
  const r = run(["progress", "import", file, "--yes"], env);
  if (r.status !== 0) throw new Error(`seeding answers failed: ${r.stderr}`);
  const check = JSON.parse(run(["progress", "--json"], env).stdout);
  if (check.answers !== count) throw new Error(`the seeded store reports ${check.answers} answers, not ${count}`);
}

// Each "first view" run gets an empty cache folder, as after a fresh build: no compiled code
// cache, no rendered lesson. The folder is made before the clock starts.
let fresh = 0;
const firstView = (env) => () => ({ ...env, API_ARCHITECT_CACHE_DIR: join(work, `fresh-${fresh++}`) });

const L = ["learn", "1", "--plain"];
const S = ["search", "idempotency", "key"];
const cases = [
  { id: "base", name: "node -e 0 (baseline)", node: ["-e", "0"], env: env1 },
  { id: "version", name: "--version", args: ["--version"], env: env1, target: 1.3 },
  { id: "help-first", name: "--help (first time)", args: ["--help"], env: firstView(env1), target: 1.3 },
  { id: "help", name: "--help (repeat)", args: ["--help"], env: env1, target: 1.3 },
  { id: "learn-first", name: "learn 1 --plain (first view)", args: L, env: firstView(env1), target: 2.5 },
  { id: "learn", name: "learn 1 --plain (repeat view)", args: L, env: env1, target: 1.6 },
  { id: "faq-first", name: "faq retry (first time)", args: ["faq", "retry"], env: firstView(env1), target: 2.5 },
  { id: "faq", name: "faq retry (repeat)", args: ["faq", "retry"], env: env1, target: 2.5 },
  { id: "explain", name: "explain hateoas", args: ["explain", "hateoas"], env: env1, target: 2.5 },
  { id: "modules", name: "modules --json", args: ["modules", "--json"], env: env1, target: 2.5 },
  { id: "progress", name: "progress --json", args: ["progress", "--json"], env: env1, target: 2.5 },
  { id: "roadmap", name: "roadmap", args: ["roadmap"], env: env1, target: 2.5 },
  { id: "search", name: "search idempotency key", args: S, env: env1, target: 3 },
];
// The same commands for a learner with 20,000 recorded answers: at most 1.2x the figure with none.
for (const id of ["learn", "faq", "explain", "modules", "progress", "roadmap", "search"]) {
  const c = cases.find((x) => x.id === id);
  cases.push({ id: `${id}-20k`, name: `${c.name.replace(/ \(repeat( view)?\)/, "")}, 20k answers`, args: c.args, env: env1Answers, relative: { to: id, limit: 1.2 } });
}
cases.push(
  { id: "learn-10x", name: `learn 1 --plain, 10x course`, args: L, env: env10, relative: { to: "learn", limit: 1.3 } },
  { id: "search-10x", name: `search, 10x course`, args: S, env: env10, relative: { to: "search", limit: 2 } },
  { id: "learn-10x-20k", name: "learn 1 --plain, 10x + 20k answers", args: L, env: env10Answers, memoryOnly: true },
  { id: "progress-10x-20k", name: "progress --json, 10x + 20k answers", args: ["progress", "--json"], env: env10Answers, memoryOnly: true },
  { id: "roadmap-10x-20k", name: "roadmap, 10x + 20k answers", args: ["roadmap"], env: env10Answers, memoryOnly: true },
  { id: "search-10x-20k", name: "search, 10x + 20k answers", args: S, env: env10Answers, memoryOnly: true },
);
const selected = cases.filter((c) => c.id === "base" || !only || only.test(c.id) || (c.relative && only.test(c.relative.to)));
for (const c of selected) if (c.relative && !selected.includes(cases.find((x) => x.id === c.relative.to))) selected.push(cases.find((x) => x.id === c.relative.to));

const envOf = (c) => (typeof c.env === "function" ? c.env() : c.env);
const argv = (c) => (c.node ? c.node : [bin, ...c.args]);

// Set-up, untimed: caches warmed by a first run, then the 20,000-answer stores.
for (const env of [env1, env10, env1Answers, env10Answers]) run(L, env);
seedAnswers(env1Answers);
if (selected.some((c) => c.env === env10Answers)) seedAnswers(env10Answers);

const times = new Map(selected.map((c) => [c.id, []]));
const timed = selected.filter((c) => !c.memoryOnly);
function once(c) {
  const env = envOf(c);
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv(c), { env, stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}
for (const c of selected) once(c); // warm the file cache (and build what a first run builds)
// Interleaved, in a different order each round: a case never always follows the same one (a
// process that freed a lot of memory just before slows the next start). Each run of a command
// is paired with a run of the baseline just before it, and its ratio is taken against that one:
// the machine's neighbours come and go within seconds, and a pair shares whatever they were
// doing. A command's ratio is the median of its paired ratios.
const ratios = new Map(selected.map((c) => [c.id, []]));
const baseCase = selected.find((c) => c.id === "base");
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
for (let i = 0; i < runs; i++) {
  const order = timed.filter((c) => c !== baseCase);
  for (let j = order.length - 1; j > 0; j--) {
    const k = Math.floor(random() * (j + 1));
    [order[j], order[k]] = [order[k], order[j]];
  }
  for (const c of order) {
    const b = once(baseCase);
    const t = once(c);
    times.get("base").push(b);
    times.get(c.id).push(t);
    ratios.get(c.id).push(t / b);
  }
}

// Peak memory, in a separate pass so the timing runs are not wrapped: GNU time's maximum
// resident set size where it exists, else the child's own report through a preloaded hook.
const gnuTime = existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, "-e", "0"]).status === 0;
const hook = join(work, "rss-hook.cjs");
writeFileSync(hook, `process.on("exit", () => require("fs").writeSync(3, String(process.resourceUsage().maxRSS)));`);
function peakKb(c) {
  const env = envOf(c);
  if (gnuTime) {
    const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...argv(c)], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return Number(r.stderr.trim().split("\n").at(-1));
  }
  const r = spawnSync(process.execPath, ["-r", hook, ...argv(c)], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe", "pipe"] });
  return Number(r.output[3]);
}
const memory = new Map(selected.map((c) => [c.id, Math.max(...[0, 1, 2].map(() => peakKb(c)))]));
rmSync(work, { recursive: true, force: true });

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
// The fastest run of each, against the fastest baseline: what the work costs with the least
// interference from the rest of the machine (the targets are on the medians).
const fastest = (id) => Math.min(...times.get(id));
const baseFastest = fastest("base");
const figure = (id) => median(times.get(id));
const ratioOf = (id) => (id === "base" ? 1 : median(ratios.get(id)));
let failed = 0;
const rows = [];
for (const c of selected) {
  const mb = memory.get(c.id) / 1024;
  const memLimit = c.env === env10Answers ? 100 : c.env === env10 ? undefined : 70;
  const memOk = memLimit === undefined || c.node || mb <= memLimit;
  if (c.memoryOnly) {
    if (!memOk) failed++;
    rows.push([c.name, "", "", "", "", `${mb.toFixed(1)} MB`, `≤${memLimit} MB`, memOk ? "" : "over"]);
    continue;
  }
  const m = figure(c.id);
  const ratio = ratioOf(c.id);
  let target = "";
  let ok = true;
  let against = "";
  if (c.target) {
    target = `≤${c.target}×`;
    ok = ratio <= c.target;
  } else if (c.relative) {
    const rel = ratio / ratioOf(c.relative.to);
    against = `${rel.toFixed(2)}× of ${c.relative.to}`;
    target = `≤${c.relative.limit}× of ${c.relative.to}`;
    ok = rel <= c.relative.limit;
  }
  if (!ok || !memOk) failed++;
  rows.push([c.name, m.toFixed(1), `${ratio.toFixed(2)}×`, against, `${fastest(c.id).toFixed(1)} (${(fastest(c.id) / baseFastest).toFixed(2)}×)`, `${mb.toFixed(1)} MB`, [target, memLimit && !c.node ? `≤${memLimit} MB` : ""].filter(Boolean).join(", "), ok && memOk ? "" : "over"]);
}
const realModules = readdirSync(join(root, "content", "modules")).length;
// A course has at most 99 modules: with more than 9 in content/, "10x" is as large as a course can be.
const scale = bigModules === realModules * 10 ? "10x" : `${bigModules} modules, ${(bigModules / realModules).toFixed(1)}x: the most a course may have`;
console.log(`${runs} interleaved runs each, each paired with a baseline run; ratio: the median of the paired ratios; Node ${process.version}; "10x course": ${bigModules}-module course (${scale})\n`);
const head = ["command", "median ms", "ratio", "relative", "fastest ms (ratio)", "peak RSS", "target", ""];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
console.log(`| ${head.map((h, i) => h.padEnd(widths[i])).join(" | ")} |`);
console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
for (const r of rows) console.log(`| ${r.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`);
console.log(failed ? `\n${failed} over target` : "\nevery target met");
process.exitCode = failed ? 1 : 0;
