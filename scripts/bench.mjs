// Times whole processes against `node -e 0` on the same machine: interleaved runs, medians,
// ratios. Usage: npm run bench [-- --runs 15]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "api-architect.js");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;
const store = mkdtempSync(join(tmpdir(), "aa-bench-"));
const env = { ...process.env, API_ARCHITECT_CONFIG_DIR: store, NO_COLOR: "1" };

const cases = [
  { name: "node -e 0 (baseline)", args: ["-e", "0"], target: null },
  { name: "--version", args: [bin, "--version"], target: 1.5 },
  { name: "--help", args: [bin, "--help"], target: 1.5 },
  { name: "learn 01 --plain", args: [bin, "learn", "01", "--plain"], target: 3 },
  { name: "faq idempotency", args: [bin, "faq", "idempotency"], target: 3 },
  { name: "modules --json", args: [bin, "modules", "--json"], target: null },
  { name: "roadmap", args: [bin, "roadmap"], target: null },
];

const times = new Map(cases.map((c) => [c.name, []]));
const once = (c) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { env, stdio: ["ignore", "pipe", "pipe"] });
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
console.log("command".padEnd(24) + "median ms".padStart(10) + "ratio".padStart(8) + "target".padStart(8));
for (const c of cases) {
  const m = median(times.get(c.name));
  const ratio = m / base;
  const ok = c.target === null || ratio <= c.target;
  if (!ok) failed++;
  console.log(c.name.padEnd(24) + m.toFixed(1).padStart(10) + `${ratio.toFixed(2)}×`.padStart(8) + (c.target ? `≤${c.target}×` : "").padStart(8) + (ok ? "" : "  over target"));
}
process.exitCode = failed ? 1 : 0;
