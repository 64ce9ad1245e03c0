// Turns what a user typed into a module, or a helpful error. Pure.
import { distance } from "fastest-levenshtein";
import type { Course, Module, Reference, Stack } from "../content/model.js";
import { UsageError } from "../errors.js";
import { shown } from "../escape.js";

export function resolveModule(course: Course, input: string): Module {
  const raw = input.trim();
  if (!raw) throw new UsageError("empty module id; try `api-architect modules` for the list");
  if (/[\\/]|\.\./.test(raw) || raw.startsWith(".")) {
    throw new UsageError(`"${shown(raw)}" is not a module id (ids look like 1, 01 or api-fundamentals); see \`api-architect modules\``);
  }
  const key = raw.toLowerCase();
  if (/^\d{1,3}$/.test(key)) {
    const byNumber = course.modules.find((m) => m.number === Number(key));
    if (byNumber) return byNumber;
    const numbers = course.modules.map((m) => m.number);
    throw new UsageError(`there is no module ${shown(raw)}; modules are numbered ${Math.min(...numbers)} to ${Math.max(...numbers)}`);
  }
  const exact = course.modules.find((m) => m.id === key);
  if (exact) return exact;
  const planned = course.planned.find((p) => p.id === key);
  if (planned) throw new UsageError(`module "${planned.id}" (${planned.title}) is not written yet; see \`api-architect roadmap\``);
  const prefixed = course.modules.filter((m) => m.id.startsWith(key));
  if (prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1) throw new UsageError(`"${shown(raw)}" could be ${prefixed.map((m) => m.id).join(" or ")}; type more of it`);
  // Also let a word of the id stand for it: "security" → auth-security.
  const byWord = course.modules.filter((m) => m.id.split("-").some((w) => w.startsWith(key)));
  if (byWord.length === 1) return byWord[0]!;
  if (byWord.length > 1) throw new UsageError(`"${shown(raw)}" could be ${byWord.map((m) => m.id).join(" or ")}; type more of it`);
  const nearest = suggest(key, course.modules.map((m) => m.id));
  throw new UsageError(`unknown module "${shown(raw)}"${nearest ? `; did you mean "${nearest}"?` : "; see `api-architect modules`"}`);
}

/** A section by the number the Jump list shows (1-based) or by its id. */
export function sectionIndex(m: Pick<Module, "id" | "number" | "sections">, wanted: string): number {
  const key = wanted.trim().toLowerCase();
  if (/^\d+$/.test(key)) {
    const n = Number(key);
    if (n >= 1 && n <= m.sections.length) return n - 1;
    throw new UsageError(`module ${m.id} has sections 1 to ${m.sections.length}, not ${shown(wanted)}`);
  }
  const i = m.sections.findIndex((s) => s.id === key);
  if (i >= 0) return i;
  const near = suggest(key, m.sections.map((s) => s.id));
  throw new UsageError(`module ${m.id} has no section "${shown(wanted)}"${near ? `; did you mean "${near}"?` : `; see its sections with \`api-architect learn ${m.number}\` and j`}`);
}

/** The candidate nearest to a typo, matching whole ids, their starts and their words; or none. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const key = input.toLowerCase();
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const parts = [c, c.slice(0, key.length), ...c.split("-")];
    const d = Math.min(...parts.map((p) => distance(key, p)));
    if (!best || d < best.d) best = { c, d };
  }
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.c : undefined;
}

// A map, not an object: "__proto__" or "constructor" must not find anything.
const STACK_ALIASES = new Map<string, Stack | "all">([
  ["typescript", "typescript"], ["ts", "typescript"], ["express", "typescript"], ["node", "typescript"],
  ["python", "python"], ["py", "python"], ["fastapi", "python"],
  ["php", "php"], ["laravel", "php"],
  ["csharp", "csharp"], ["cs", "csharp"], ["c#", "csharp"], ["dotnet", "csharp"], [".net", "csharp"], ["aspnet", "csharp"],
  ["all", "all"],
]);

export function resolveStack(input: string, allowAll = true): Stack | "all" {
  const s = STACK_ALIASES.get(input.trim().toLowerCase());
  if (!s || (s === "all" && !allowAll)) {
    const names = allowAll ? "typescript, python, php, csharp or all" : "typescript, python, php or csharp";
    throw new UsageError(`unknown stack "${shown(input)}"; use ${names}`);
  }
  return s;
}

/** A reference page ("Encore at a glance") by its id, if the input names one. */
export function findReference(course: Course, input: string): Reference | undefined {
  return course.references.find((r) => r.id === input.trim().toLowerCase());
}

/** A reference page in the shape the reader takes: a module with no number, no quiz and no progress. */
export function referenceAsModule(ref: Reference): Module {
  return { id: ref.id, number: 0, title: ref.title, stage: "", summary: ref.summary, minutes: 0, objectives: [], sections: ref.sections, quiz: [], file: ref.file, stageLine: 0, ...(ref.lexed ? { lexed: ref.lexed } : {}) };
}
