// Starter projects (content/labs/starters/<stack>/): copied, never run. Only regular files inside
// the starter folder are copied (symbolic links are skipped), and nothing is written over an
// existing file unless the learner agreed.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Stack } from "../content/model.js";
import { CliError } from "../errors.js";

export const RUN_HINT: Record<Stack, string> = {
  typescript: "npm install && npm run dev",
  python: "docker compose up -d (PostgreSQL), then python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt && uvicorn main:app --reload",
  php: "see README.md: the files go into a new Laravel 13 project, then php artisan serve",
  csharp: "docker compose up -d (PostgreSQL), then dotnet run",
};

export function starterDir(courseDir: string, stack: Stack): string {
  return join(courseDir, "labs", "starters", stack);
}

/** Every regular file under `dir`, as paths relative to it; at most `limit` files. */
export function starterFiles(dir: string, limit = 200): string[] {
  if (!existsSync(dir)) throw new CliError(`this course has no starter for that stack (${dir} is missing)`);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(relative(dir, p));
      if (out.length > limit) throw new CliError(`the starter in ${dir} has more than ${limit} files; refusing to copy it`);
    }
  };
  walk(dir);
  return out;
}

export interface StarterPlan {
  from: string;
  to: string;
  files: string[];
  /** Files that exist already in the target folder. */
  existing: string[];
}

export function planStarter(from: string, target: string): StarterPlan {
  const to = resolve(target);
  if (existsSync(to) && !lstatSync(to).isDirectory()) throw new CliError(`${to} exists and is not a folder`);
  const files = starterFiles(from);
  return { from, to, files, existing: files.filter((f) => existsSync(join(to, f))) };
}

export function writeStarter(plan: StarterPlan, overwrite: boolean): string[] {
  const written: string[] = [];
  for (const f of plan.files) {
    const dest = resolve(plan.to, f);
    if (!dest.startsWith(plan.to + sep)) continue;
    if (plan.existing.includes(f) && !overwrite) continue;
    mkdirSync(resolve(dest, ".."), { recursive: true });
    try {
      writeFileSync(dest, readFileSync(join(plan.from, f)));
    } catch (e) {
      throw new CliError(`cannot write ${dest}: ${(e as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : (e as Error).message}`);
    }
    written.push(f);
  }
  return written;
}
