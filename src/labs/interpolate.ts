// {{templates}} in lab requests and expectations. Pure: the scope supplies every value.
import type { Random } from "./random.js";

export interface Scope {
  /** Lab vars, setup captures and this check's captures. */
  vars: Map<string, unknown>;
  /** {{uuid:label}}: one value per label for the scope's lifetime. */
  named: Map<string, string>;
  random: Random;
  /** A bearer token of the named kind (see src/labs/tokens.ts). */
  token(kind: string): string;
  /** The repetition or page number inside repeat, until and pages (1-based). */
  index?: number;
}

export class TemplateError extends Error {}

const TEMPLATE = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)(?::([a-zA-Z0-9-]+))?\s*\}\}/g;
const WHOLE = /^\{\{\s*([a-zA-Z][a-zA-Z0-9]*)(?::([a-zA-Z0-9-]+))?\s*\}\}$/;

/** Shows start on whole days after this moment, far enough ahead to be valid for years. */
export const DATE_BASE = Date.UTC(2030, 0, 1, 20, 0, 0);
export const BUILTINS = ["run", "uuid", "i", "date", "token"] as const;

export interface TemplateRef {
  name: string;
  arg?: string;
}

/** Every {{...}} in a string, for the loader's checks. */
export function templateRefs(s: string): TemplateRef[] {
  return [...s.matchAll(TEMPLATE)].map((m) => (m[2] === undefined ? { name: m[1]! } : { name: m[1]!, arg: m[2] }));
}

/** Text with {{ that is not a template we understand, for the loader's checks. */
export function strayBraces(s: string): boolean {
  return s.replace(TEMPLATE, "").includes("{{");
}

function index(scope: Scope): number {
  if (scope.index === undefined) throw new TemplateError("{{i}} is only defined inside repeat, until and pages");
  return scope.index;
}

function resolve(name: string, arg: string | undefined, scope: Scope): unknown {
  switch (name) {
    case "uuid": {
      if (arg === undefined) return scope.random.uuid();
      let v = scope.named.get(arg);
      if (!v) scope.named.set(arg, (v = scope.random.uuid()));
      return v;
    }
    case "i":
      return index(scope);
    case "date": {
      const days = arg === undefined ? 0 : /^-?\d+$/.test(arg) ? Number(arg) : arg === "i" ? index(scope) : Number(scope.vars.get(arg));
      if (!Number.isFinite(days)) throw new TemplateError(`{{date:${arg}}} needs a number of days`);
      return new Date(DATE_BASE + days * 86_400_000).toISOString().replace(/\.000Z$/, "Z");
    }
    case "token":
      return scope.token(arg ?? "");
    default: {
      if (!scope.vars.has(name)) throw new TemplateError(`{{${name}}} has no value (an earlier step did not capture it)`);
      return scope.vars.get(name);
    }
  }
}

/** Fills a string's templates. A string that is one template keeps the value's type (a list, a number). */
export function interpolate(s: string, scope: Scope): unknown {
  const whole = WHOLE.exec(s);
  if (whole) return resolve(whole[1]!, whole[2], scope);
  return s.replace(TEMPLATE, (_m, name: string, arg: string | undefined) => {
    const v = resolve(name, arg, scope);
    return typeof v === "string" ? v : JSON.stringify(v);
  });
}

export function interpolateString(s: string, scope: Scope): string {
  const v = interpolate(s, scope);
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Fills templates everywhere inside a JSON value. */
export function interpolateDeep(value: unknown, scope: Scope): unknown {
  if (typeof value === "string") return interpolate(value, scope);
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, scope));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, scope)]));
  return value;
}
