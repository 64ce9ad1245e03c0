// Expectations against one response (or a collected list of items). Pure: every function returns
// the expectations that failed, each with what was expected and what came back.
import type { ExpectFile, ValueSpec } from "../content/lab-schema.js";
import { getPointer, type Lookup } from "./pointer.js";
import { interpolate, interpolateDeep, type Scope } from "./interpolate.js";
import type { Failure, Received } from "./types.js";

/** A value as a short line of text; "(missing)" for nothing. */
export function show(value: unknown, max = 120): string {
  if (value === undefined) return "(missing)";
  const s = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regular expression whose {{templates}} are filled with literal (escaped) text. */
export function regexFrom(source: string, scope: Scope, flags = ""): RegExp {
  const filled = source.replace(/\{\{[^}]*\}\}/g, (m) => {
    const v = interpolate(m, scope);
    return escapeRegex(typeof v === "string" ? v : JSON.stringify(v));
  });
  return new RegExp(filled, flags);
}

// --- status --------------------------------------------------------------------------------

export function statusText(spec: NonNullable<ExpectFile["status"]>): string {
  if (typeof spec === "number") return String(spec);
  if (typeof spec === "string") return spec;
  return spec.join(" or ");
}

export function matchStatus(spec: ExpectFile["status"], status: number): Failure[] {
  if (spec === undefined) return [];
  const ok = typeof spec === "number" ? status === spec : typeof spec === "string" ? String(status)[0] === spec[0] : spec.includes(status);
  return ok ? [] : [{ what: "status", expected: statusText(spec), actual: String(status) }];
}

// --- headers -------------------------------------------------------------------------------

export function matchHeaders(spec: ExpectFile["headers"], headers: Record<string, string>, scope: Scope): Failure[] {
  const out: Failure[] = [];
  for (const [rawName, m] of Object.entries(spec ?? {})) {
    const name = rawName.toLowerCase();
    const value = headers[name];
    const what = `header ${name}`;
    const actual = value === undefined ? "(missing)" : value;
    if (typeof m === "string") {
      const want = String(interpolate(m, scope));
      if (value?.trim() !== want) out.push({ what, expected: want, actual });
      continue;
    }
    if (m.present === false) {
      if (value !== undefined) out.push({ what, expected: "(absent)", actual });
      continue;
    }
    if (value === undefined) {
      out.push({ what, expected: m.equals ?? (m.contains ? `containing ${m.contains}` : m.matches ? `matching /${m.matches}/` : "present"), actual });
      continue;
    }
    if (m.equals !== undefined) {
      const want = String(interpolate(m.equals, scope));
      if (value.trim() !== want) out.push({ what, expected: want, actual });
    }
    if (m.contains !== undefined) {
      // Repeated headers arrive joined with ", ", so a token may sit anywhere in the value.
      const want = String(interpolate(m.contains, scope));
      if (!value.toLowerCase().includes(want.toLowerCase())) out.push({ what, expected: `containing ${want}`, actual });
    }
    if (m.matches !== undefined && !regexFrom(m.matches, scope, "i").test(value)) out.push({ what, expected: `matching /${m.matches}/`, actual });
    if (m.not !== undefined) {
      const banned = String(interpolate(m.not, scope));
      if (value.toLowerCase().includes(banned.toLowerCase())) out.push({ what, expected: `not containing ${banned}`, actual });
    }
  }
  return out;
}

// --- JSON values ---------------------------------------------------------------------------

const FORMAT_TESTS: Record<string, (s: string) => boolean> = {
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  "date-time": (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)),
  uri: (s) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  },
  "uri-reference": (s) => {
    try {
      new URL(s, "http://base.invalid/");
      return !/\s/.test(s);
    } catch {
      return false;
    }
  },
};

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/** Orders two numbers, or two RFC 3339 times, or two strings. */
export function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    if (/^\d{4}-\d{2}-\d{2}T/.test(a) && /^\d{4}-\d{2}-\d{2}T/.test(b) && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return Number.NaN;
}

export function matchValue(spec: ValueSpec, lookup: Lookup, what: string, scope: Scope): Failure[] {
  const actual = lookup.found ? show(lookup.value) : "(missing)";
  const value = lookup.found ? lookup.value : undefined;
  if (spec === null || typeof spec !== "object") {
    const want = typeof spec === "string" ? interpolate(spec, scope) : spec;
    return lookup.found && deepEqual(value, want) ? [] : [{ what, expected: show(want), actual }];
  }
  const out: Failure[] = [];
  const fail = (expected: string) => out.push({ what, expected, actual });
  if (spec.exists === false) {
    if (lookup.found) fail("(absent)");
    return out;
  }
  if (!lookup.found) {
    fail(describeMatcher(spec, scope));
    return out;
  }
  if (spec.equals !== undefined) {
    const want = interpolateDeep(spec.equals, scope);
    if (!deepEqual(value, want)) fail(show(want));
  }
  if (spec.not !== undefined) {
    const banned = interpolateDeep(spec.not, scope);
    if (deepEqual(value, banned)) fail(`anything but ${show(banned)}`);
  }
  if (spec.oneOf !== undefined) {
    const options = spec.oneOf.map((o) => interpolateDeep(o, scope));
    if (!options.some((o) => deepEqual(value, o))) fail(`one of ${options.map((o) => show(o)).join(", ")}`);
  }
  if (spec.type !== undefined) {
    const t = typeOf(value);
    if (!(t === spec.type || (spec.type === "number" && t === "integer"))) fail(`a JSON ${spec.type}`);
  }
  if (spec.format !== undefined && !(typeof value === "string" && FORMAT_TESTS[spec.format]!(value))) fail(`a string in ${spec.format} format`);
  if (spec.matches !== undefined && !(typeof value === "string" && regexFrom(spec.matches, scope).test(value))) fail(`a string matching /${spec.matches}/`);
  if (spec.minItems !== undefined && !(Array.isArray(value) && value.length >= spec.minItems)) fail(`a list of at least ${spec.minItems}`);
  if (spec.maxItems !== undefined && !(Array.isArray(value) && value.length <= spec.maxItems)) fail(`a list of at most ${spec.maxItems}`);
  for (const [key, bound] of [["gt", spec.gt], ["lt", spec.lt]] as const) {
    if (bound === undefined) continue;
    const b = typeof bound === "string" ? interpolate(bound, scope) : bound;
    const c = compare(value, b);
    if (!(key === "gt" ? c > 0 : c < 0)) fail(`${key === "gt" ? "after" : "before"} ${show(b)}`);
  }
  if (spec.contains !== undefined) {
    const inner = spec.contains;
    const ok = Array.isArray(value) && value.some((item) => Object.entries(inner).every(([p, s]) => matchValue(s, getPointer(item, p), "", scope).length === 0));
    if (!ok) fail(`a list with an item where ${Object.entries(inner).map(([p, s]) => `${p} is ${describeMatcher(s, scope)}`).join(" and ")}`);
  }
  return out;
}

export function describeMatcher(spec: ValueSpec, scope: Scope): string {
  if (spec === null || typeof spec !== "object") return show(typeof spec === "string" ? safe(() => interpolate(spec, scope), spec) : spec);
  const parts: string[] = [];
  if (spec.equals !== undefined) parts.push(show(safe(() => interpolateDeep(spec.equals, scope), spec.equals)));
  if (spec.not !== undefined) parts.push(`anything but ${show(spec.not)}`);
  if (spec.oneOf) parts.push(`one of ${spec.oneOf.map((o) => show(o)).join(", ")}`);
  if (spec.type) parts.push(`a JSON ${spec.type}`);
  if (spec.format) parts.push(`in ${spec.format} format`);
  if (spec.matches) parts.push(`matching /${spec.matches}/`);
  if (spec.minItems !== undefined) parts.push(`at least ${spec.minItems} items`);
  if (spec.maxItems !== undefined) parts.push(`at most ${spec.maxItems} items`);
  if (spec.gt !== undefined) parts.push(`after ${show(spec.gt)}`);
  if (spec.lt !== undefined) parts.push(`before ${show(spec.lt)}`);
  if (spec.contains) parts.push("a list with a matching item");
  if (spec.exists === true && !parts.length) parts.push("present");
  return parts.join(", ") || "present";
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

export function matchJson(spec: ExpectFile["json"], resp: Received, scope: Scope): Failure[] {
  if (!spec) return [];
  if (resp.json === undefined) return [{ what: "body", expected: "JSON", actual: resp.truncated ? "larger than the size limit (cut off)" : resp.body ? "not JSON" : "(empty)" }];
  return Object.entries(spec).flatMap(([p, s]) => matchValue(s, getPointer(resp.json, p), p === "" ? "body" : `body ${p}`, scope));
}

// --- problem details, bodies, earlier responses --------------------------------------------

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** RFC 9457: the media type, a JSON object, and members of the right types. */
export function matchProblem(resp: Received): Failure[] {
  const out: Failure[] = [];
  const type = mediaType(resp.headers["content-type"]);
  if (type !== "application/problem+json") out.push({ what: "header content-type", expected: "application/problem+json", actual: resp.headers["content-type"] ?? "(missing)" });
  const body = resp.json;
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    out.push({ what: "body", expected: "a problem details object", actual: resp.body ? show(resp.body, 80) : "(empty)" });
    return out;
  }
  const b = body as Record<string, unknown>;
  if (b.status !== undefined && b.status !== resp.status) out.push({ what: "body /status", expected: `${resp.status} (the response's status)`, actual: show(b.status) });
  for (const k of ["type", "title", "detail", "instance"]) {
    if (b[k] !== undefined && typeof b[k] !== "string") out.push({ what: `body /${k}`, expected: "a string", actual: show(b[k]) });
  }
  if (b.title === undefined) out.push({ what: "body /title", expected: "a short summary of the problem type", actual: "(missing)" });
  return out;
}

export function matchBody(spec: ExpectFile["body"], resp: Received, scope: Scope): Failure[] {
  if (!spec) return [];
  const out: Failure[] = [];
  if (spec.empty === true && resp.body.length > 0) out.push({ what: "body", expected: "(empty)", actual: show(resp.body, 80) });
  if (spec.empty === false && resp.body.length === 0) out.push({ what: "body", expected: "not empty", actual: "(empty)" });
  for (const banned of spec.excludes ?? []) {
    const text = String(interpolate(banned, scope));
    if (resp.body.toLowerCase().includes(text.toLowerCase())) out.push({ what: "body", expected: `no ${show(text)}`, actual: `contains ${show(text)}` });
  }
  if (spec.matches !== undefined && !new RegExp(spec.matches, "m").test(resp.body)) out.push({ what: "body", expected: `matching /${spec.matches}/`, actual: show(resp.body, 80) });
  if (spec.notMatches !== undefined) {
    const m = new RegExp(spec.notMatches, "m").exec(resp.body);
    if (m) out.push({ what: "body", expected: `nothing matching /${spec.notMatches}/`, actual: `contains ${show(m[0], 60)}` });
  }
  return out;
}

export function matchSameAs(name: string, resp: Received, earlier: Received | undefined): Failure[] {
  if (!earlier) return [{ what: `same response as step ${name}`, expected: "an earlier response", actual: "(that step did not run)" }];
  const out: Failure[] = [];
  if (resp.status !== earlier.status) out.push({ what: `status (same as ${name})`, expected: String(earlier.status), actual: String(resp.status) });
  const same = earlier.json !== undefined && resp.json !== undefined ? deepEqual(resp.json, earlier.json) : resp.body === earlier.body;
  if (!same) out.push({ what: `body (same as ${name})`, expected: show(earlier.json ?? earlier.body), actual: show(resp.json ?? resp.body) });
  return out;
}

export function matchTime(maxMs: number | undefined, resp: Received): Failure[] {
  if (maxMs === undefined || resp.ms <= maxMs) return [];
  return [{ what: "time to answer", expected: `under ${maxMs} ms`, actual: `${Math.round(resp.ms)} ms` }];
}

// --- collected lists -----------------------------------------------------------------------

export function matchCollected(spec: NonNullable<ExpectFile["collected"]>, items: readonly unknown[] | undefined, scope: Scope): Failure[] {
  const list = items ?? [];
  const what = `collected ${spec.list}`;
  const out: Failure[] = [];
  if (spec.count !== undefined && list.length !== spec.count) out.push({ what, expected: `${spec.count} items`, actual: `${list.length} items` });
  if (spec.minCount !== undefined && list.length < spec.minCount) out.push({ what, expected: `at least ${spec.minCount} items`, actual: `${list.length} items` });
  if (spec.unique !== undefined) {
    const seen = new Map<string, number>();
    for (const item of list) {
      const l = getPointer(item, spec.unique!);
      const key = JSON.stringify(l.found ? l.value : null);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const repeated = [...seen.entries()].filter(([, n]) => n > 1);
    if (repeated.length) out.push({ what: `${what} ${spec.unique}`, expected: "no item twice", actual: `${repeated.map(([k, n]) => `${k} ×${n}`).slice(0, 3).join(", ")}` });
  }
  if (spec.includesAll !== undefined) {
    const wanted = interpolate(spec.includesAll, scope);
    const want = Array.isArray(wanted) ? wanted : [wanted];
    const ids = new Set(list.map((item) => JSON.stringify(spec.unique ? (getPointer(item, spec.unique) as { value?: unknown }).value : item)));
    const missing = want.filter((w) => !ids.has(JSON.stringify(w)));
    if (missing.length) out.push({ what, expected: `every one of ${want.length} items`, actual: `${missing.length} never appeared: ${missing.slice(0, 3).map((m) => show(m)).join(", ")}` });
  }
  if (spec.sortedBy) {
    const { pointer, order } = spec.sortedBy;
    const values = list.map((item) => (getPointer(item, pointer) as { value?: unknown }).value);
    const bad = values.findIndex((v, i) => i > 0 && !(order === "asc" ? compare(values[i - 1], v) <= 0 : compare(values[i - 1], v) >= 0));
    if (bad > 0) out.push({ what: `${what} ${pointer}`, expected: order === "asc" ? "in ascending order" : "in descending order", actual: `${show(values[bad - 1])} came before ${show(values[bad])}` });
  }
  for (const [p, s] of Object.entries(spec.every ?? {})) {
    const bad = list.findIndex((item) => matchValue(s, getPointer(item, p), "", scope).length > 0);
    if (bad >= 0) out.push({ what: `${what} ${p}`, expected: `${describeMatcher(s, scope)} in every item`, actual: `item ${bad + 1}: ${show((getPointer(list[bad], p) as { value?: unknown }).value)}` });
  }
  return out;
}
