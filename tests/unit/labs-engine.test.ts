// The lab engine's pure parts: JSON Pointer, templates, matchers, recording results.
import { describe, expect, it } from "vitest";
import { getPointer, parsePointer, toPointer } from "../../src/labs/pointer.js";
import { interpolate, interpolateDeep, TemplateError, templateRefs, type Scope } from "../../src/labs/interpolate.js";
import { compare, matchBody, matchCollected, matchHeaders, matchJson, matchProblem, matchSameAs, matchStatus, matchValue } from "../../src/labs/match.js";
import { createRandom } from "../../src/labs/random.js";
import { pause } from "../../src/labs/engine.js";
import { labProblems } from "../../src/content/labs-loader.js";
import { labSchema } from "../../src/content/lab-schema.js";
import { curlCommand, sanitize } from "../../src/labs/report.js";
import { isLoopback, parseBaseUrl } from "../../src/labs/target.js";
import type { Received } from "../../src/labs/types.js";

function scope(vars: Record<string, unknown> = {}): Scope {
  return { vars: new Map(Object.entries(vars)), named: new Map(), random: createRandom("unit"), token: (k) => `token-${k}` };
}

function resp(over: Partial<Received> = {}): Received {
  const body = over.body ?? (over.json !== undefined ? JSON.stringify(over.json) : "");
  return { status: 200, statusText: "OK", headers: {}, truncated: false, ms: 5, json: undefined, ...over, body };
}

describe("JSON Pointer (RFC 6901)", () => {
  const doc = { data: [{ id: "a" }, { id: "b" }], "a/b": 1, "m~n": 2, "": 3 };
  it("reads members, array items, escaped names and the whole document", () => {
    expect(getPointer(doc, "/data/1/id")).toEqual({ found: true, value: "b" });
    expect(getPointer(doc, "/a~1b")).toEqual({ found: true, value: 1 });
    expect(getPointer(doc, "/m~0n")).toEqual({ found: true, value: 2 });
    expect(getPointer(doc, "/")).toEqual({ found: true, value: 3 });
    expect(getPointer(doc, "")).toEqual({ found: true, value: doc });
  });
  it("says not found for missing members, bad indexes and paths through scalars", () => {
    expect(getPointer(doc, "/data/2").found).toBe(false);
    expect(getPointer(doc, "/data/01").found).toBe(false);
    expect(getPointer(doc, "/data/-").found).toBe(false);
    expect(getPointer(doc, "/a~1b/x").found).toBe(false);
    expect(getPointer({ toString: 1 }, "/constructor").found).toBe(false);
  });
  it("round-trips tokens", () => {
    expect(parsePointer(toPointer(["paths", "/v1/shows", "get"]))).toEqual(["paths", "/v1/shows", "get"]);
    expect(() => parsePointer("data")).toThrow();
  });
});

describe("templates", () => {
  it("fills variables, keeps the type of a whole-string template, and fails clearly on unknown names", () => {
    const s = scope({ title: "Gala", ids: ["x", "y"] });
    expect(interpolate("Show {{title}}!", s)).toBe("Show Gala!");
    expect(interpolate("{{ids}}", s)).toEqual(["x", "y"]);
    expect(interpolateDeep({ a: ["{{title}}", 3] }, s)).toEqual({ a: ["Gala", 3] });
    expect(() => interpolate("{{nope}}", s)).toThrow(TemplateError);
  });
  it("gives a fresh uuid each time, one per label, and v7-shaped", () => {
    const s = scope();
    const a = interpolate("{{uuid}}", s);
    expect(a).not.toBe(interpolate("{{uuid}}", s));
    expect(interpolate("{{uuid:k}}", s)).toBe(interpolate("{{uuid:k}}", s));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it("dates count whole days from a fixed base, also from the repetition index", () => {
    const s = scope();
    expect(interpolate("{{date:1}}", s)).toBe("2030-01-02T20:00:00Z");
    s.index = 3;
    expect(interpolate("{{date:i}}", s)).toBe("2030-01-04T20:00:00Z");
    expect(interpolate("{{i}}", s)).toBe(3);
    expect(interpolate("{{token:staff}}", s)).toBe("token-staff");
  });
  it("seeded runs repeat their values; unseeded ones do not", () => {
    expect(createRandom("x").uuid()).toBe(createRandom("x").uuid());
    expect(createRandom().hex(6)).not.toBe(createRandom().hex(6));
    expect(templateRefs("{{a}} {{date:i}}")).toEqual([{ name: "a" }, { name: "date", arg: "i" }]);
  });
});

describe("matchers", () => {
  it("status: a code, a list or a class", () => {
    expect(matchStatus(201, 201)).toEqual([]);
    expect(matchStatus([200, 201], 204)).toHaveLength(1);
    expect(matchStatus("2xx", 204)).toEqual([]);
    expect(matchStatus("4xx", 500)[0]).toMatchObject({ expected: "4xx", actual: "500" });
  });
  it("headers: names are case-insensitive and repeated values (joined with ', ') still match", () => {
    const h = { "cache-control": "public, max-age=60", vary: "Accept, Authorization" };
    expect(matchHeaders({ "Cache-Control": { contains: "PUBLIC" }, Vary: { contains: "authorization" } }, h, scope())).toEqual([]);
    expect(matchHeaders({ location: { present: true } }, h, scope())[0]).toMatchObject({ what: "header location", actual: "(missing)" });
    expect(matchHeaders({ vary: { present: false } }, h, scope())).toHaveLength(1);
    expect(matchHeaders({ "cache-control": { not: "private" } }, h, scope())).toEqual([]);
    expect(matchHeaders({ "cache-control": { matches: "max-age=[1-9]" } }, h, scope())).toEqual([]);
  });
  it("regular expressions take template values literally", () => {
    const s = scope({ id: "a.b" });
    expect(matchHeaders({ location: { matches: "^/x/{{id}}$" } }, { location: "/x/a.b" }, s)).toEqual([]);
    expect(matchHeaders({ location: { matches: "^/x/{{id}}$" } }, { location: "/x/aXb" }, s)).toHaveLength(1);
  });
  it("JSON values: equality, formats, types, lists and comparisons", () => {
    const s = scope({ t: "Gala" });
    const body = { id: "0193a5c2-7b1e-7c4e-9a51-2f7d3c8e1a40", title: "Gala", n: 3, at: "2030-01-02T20:00:00Z", errors: [{ pointer: "#/title", detail: "x" }] };
    const r = resp({ json: body });
    expect(matchJson({ "/id": { format: "uuid" }, "/title": "{{t}}", "/n": { type: "integer", gt: 2, lt: 4 }, "/errors": { contains: { "/pointer": "#/title" }, minItems: 1 } }, r, s)).toEqual([]);
    expect(matchJson({ "/title": "Other" }, r, s)[0]).toMatchObject({ what: "body /title", expected: '"Other"', actual: '"Gala"' });
    expect(matchJson({ "/missing": { exists: false } }, r, s)).toEqual([]);
    expect(matchJson({ "/at": { gt: "2030-01-03T00:00:00Z" } }, r, s)).toHaveLength(1);
    expect(matchJson({ "/id": 1 }, resp({ body: "<html>" }), s)[0]).toMatchObject({ expected: "JSON", actual: "not JSON" });
    expect(matchValue({ oneOf: ["queued", "running"] }, { found: true, value: "done" }, "x", s)).toHaveLength(1);
    expect(compare("2030-01-02T20:00:00Z", "2030-01-02T21:00:00+01:00")).toBe(0);
  });
  it("problem details: media type, an object, a status equal to the response's, a title", () => {
    const ok = resp({ status: 404, headers: { "content-type": "application/problem+json; charset=utf-8" }, json: { title: "Not found", status: 404 } });
    expect(matchProblem(ok)).toEqual([]);
    const wrong = resp({ status: 404, headers: { "content-type": "application/json" }, json: { status: 400 } });
    expect(matchProblem(wrong).map((f) => f.what)).toEqual(["header content-type", "body /status", "body /title"]);
  });
  it("bodies, earlier responses and collected lists", () => {
    expect(matchBody({ empty: true }, resp({ body: "x" }), scope())).toHaveLength(1);
    expect(matchBody({ excludes: ["Stack"], notMatches: "at \\S+ \\(" }, resp({ body: "Error\n    at boom (/a.ts:1:2)" }), scope())).toHaveLength(1);
    const first = resp({ status: 201, json: { id: 1 } });
    expect(matchSameAs("first", resp({ status: 201, json: { id: 1 } }), first)).toEqual([]);
    expect(matchSameAs("first", resp({ status: 200, json: { id: 2 } }), first)).toHaveLength(2);
    const items = [{ id: "a", at: "2030-01-03T20:00:00Z" }, { id: "b", at: "2030-01-02T20:00:00Z" }, { id: "a", at: "2030-01-01T20:00:00Z" }];
    const s = scope({ want: ["a", "b", "c"] });
    const f = matchCollected({ list: "seen", unique: "/id", includesAll: "{{want}}", sortedBy: { pointer: "/at", order: "desc" }, count: 3 }, items, s);
    expect(f.map((x) => x.what)).toEqual(["collected seen /id", "collected seen"]);
    expect(matchCollected({ list: "seen", sortedBy: { pointer: "/at", order: "asc" } }, items, s)).toHaveLength(1);
  });
  it("Retry-After is honoured up to the cap", () => {
    expect(pause("retry-after", resp({ headers: { "retry-after": "2" } }), 5000)).toBe(2000);
    expect(pause("retry-after", resp({ headers: { "retry-after": "30" } }), 2000)).toBe(2000);
    expect(pause(100, resp(), 50)).toBe(50);
    expect(pause(undefined, resp(), 50)).toBe(0);
  });
});

describe("targets", () => {
  it("only loopback unless allowed", () => {
    for (const h of ["localhost", "127.0.0.1", "127.1.2.3", "[::1]", "api.localhost"]) expect(isLoopback(h)).toBe(true);
    for (const h of ["example.com", "10.0.0.1", "[::2]", "localhost.example.com"]) expect(isLoopback(h)).toBe(false);
    expect(() => parseBaseUrl("http://example.com", false)).toThrow(/--allow-remote/);
    expect(parseBaseUrl("http://example.com/", true).href).toBe("http://example.com/");
    expect(() => parseBaseUrl("ftp://localhost", false)).toThrow(/http/);
    expect(() => parseBaseUrl("http://u:p@localhost", false)).toThrow(/password/);
    expect(() => parseBaseUrl("not a url", false)).toThrow(/not a URL/);
  });
});

describe("report helpers", () => {
  it("makes control characters visible", () => {
    expect(sanitize("a\u001b[2Jb\u0007\tc\nd\u202e")).toBe("a\\x1b[2Jb\\x07\tc\nd\\x202e");
  });
  it("writes a curl command that quotes safely", () => {
    expect(curlCommand({ method: "POST", url: "http://127.0.0.1:3000/v1/shows", headers: { "content-type": "application/json" }, body: `{"t":"it's"}` })).toBe(
      `curl -i -X POST 'http://127.0.0.1:3000/v1/shows' \\\n  -H 'content-type: application/json' \\\n  --data-raw '{"t":"it'\\''s"}'`,
    );
  });
});

describe("lab file checks", () => {
  const base = { id: "x", title: "X", summary: "S", intro: "I", checks: [] as unknown[] };
  const parse = (checks: unknown[], extra: object = {}) => labSchema.parse({ ...base, ...extra, checks });
  it("finds templates used before they have a value, unknown tokens and dangling sameAs", () => {
    const lab = parse([
      {
        id: "a",
        title: "A",
        teaches: "module:m",
        hint: "h",
        steps: [
          { request: { method: "GET", path: "/x/{{later}}" }, expect: { sameAs: "first" } },
          { request: { method: "GET", path: "/{{token:root}}" }, capture: { later: { json: "/id" } } },
          { request: { method: "GET", path: "/x/{{later}}" }, expect: { collected: { list: "nothing" } } },
        ],
      },
    ]);
    expect(labProblems(lab).map((p) => p.message)).toEqual([
      "{{later}} is used before any var or earlier step gives it a value",
      "sameAs: no earlier step is named \"first\"",
      "{{token:root}}: the kinds of token are staff, customer, other-customer, expired, wrong-key, unsigned, wrong-audience",
      "collected: no step so far collects into \"nothing\"",
    ]);
  });
  it("the schema rejects a check with neither steps nor a procedure, and until without max", () => {
    expect(() => parse([{ id: "a", title: "A", teaches: "module:m", hint: "h" }])).toThrow(/steps or a procedure/);
    expect(() => parse([{ id: "a", title: "A", teaches: "module:m", hint: "h", steps: [{ request: { method: "GET", path: "/" }, until: { status: 200 } }] }])).toThrow(/until needs max/);
  });
});
