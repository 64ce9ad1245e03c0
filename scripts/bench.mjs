// Times whole processes against `node -e 0` on the same machine: interleaved runs, medians,
// ratios. Usage: npm run bench [-- --runs 15]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCourse } from "./generate-course.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "api-architect.js");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;
const store = mkdtempSync(join(tmpdir(), "aa-bench-"));
const env = { ...process.env, API_ARCHITECT_CONFIG_DIR: store, API_ARCHITECT_CACHE_DIR: join(store, "cache"), NO_COLOR: "1" };
// Search over a course ten times the size of the real one, to show how the cost grows. Its
// compiled copy and index are built by the first (warm-up) run and cached, as for any course.
const big = join(store, "course-10x");
const bigModules = generateCourse(join(root, "content"), big, 10);
const bigEnv = { ...env, API_ARCHITECT_CONTENT: big };

const cases = [
  { name: "node -e 0 (baseline)", args: ["-e", "0"], target: null },
  { name: "--version", args: [bin, "--version"], target: 1.5 },
  { name: "--help", args: [bin, "--help"], target: 1.5 },
  { name: "learn 01 --plain", args: [bin, "learn", "01", "--plain"], target: 3 },
  { name: "faq idempotency", args: [bin, "faq", "idempotency"], target: 3 },
  { name: "search idempotency key", args: [bin, "search", "idempotency", "key"], target: 3 },
  { name: `search, 10x course (${bigModules} modules)`, args: [bin, "search", "idempotency", "key"], env: bigEnv, target: null },
  { name: "explain hateoas", args: [bin, "explain", "hateoas"], target: null },
  { name: "modules --json", args: [bin, "modules", "--json"], target: null },
  { name: "roadmap", args: [bin, "roadmap"], target: null },
];

const times = new Map(cases.map((c) => [c.name, []]));
const once = (c) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { env: c.env ?? env, stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
};
for (const c of cases) once(c); // warm the file cache
for (let i = 0; i < runs; i++) for (const c of cases) times.get(c.name).push(once(c));
rmSync(store, { recursive: true, force: true });

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const base = median(times.get(cases[0].name));
let failed = 0;
console.log(`${runs} interleaved runs each; medians\n`);
console.log("command".padEnd(34) + "median ms".padStart(10) + "ratio".padStart(8) + "target".padStart(8));
for (const c of cases) {
  const m = median(times.get(c.name));
  const ratio = m / base;
  const ok = c.target === null || ratio <= c.target;
  if (!ok) failed++;
  console.log(c.name.padEnd(34) + m.toFixed(1).padStart(10) + `${ratio.toFixed(2)}×`.padStart(8) + (c.target ? `≤${c.target}×` : "").padStart(8) + (ok ? "" : "  over target"));
}
process.exitCode = failed ? 1 : 0;
