// Checks that need more than requests and expectations, written in TypeScript: is the served
// document valid OpenAPI 3.1, and do the server's answers match an OpenAPI document.
import type { LabCheckFile } from "../content/lab-schema.js";
import type { Lab } from "../content/model.js";
import type { RunConfig } from "./engine.js";
import { mediaType, show } from "./match.js";
import { getPointer, toPointer } from "./pointer.js";
import { baseText } from "./target.js";
import type { Exchange, Failure, Received, SentRequest } from "./types.js";

export interface ProcedureEnv {
  cfg: RunConfig;
  lab: Lab;
  /** Sends a request and records it in the check's exchanges. */
  send(req: SentRequest): Promise<Received>;
  exchanges: Exchange[];
  /** Runs another lab's requests quietly and returns what was sent and received. */
  replay(labId: string): Promise<Exchange[]>;
}

export interface ProcedureOutcome {
  failures: Failure[];
  message?: string;
  exchange?: Exchange;
}

type Procedure = NonNullable<LabCheckFile["procedure"]>;
let oasValidator: InstanceType<typeof import("@seriousme/openapi-schema-validator").Validator> | undefined;
/** Compiled schema validators by document, so replays and watch re-runs compile once. */
const compiled = new Map<string, Promise<Validate>>();
type Doc = Record<string, unknown>;

const MAX_FAILURES = 8;

async function servedDocument(env: ProcedureEnv): Promise<{ doc?: Doc; outcome?: ProcedureOutcome }> {
  const resp = await env.send({ method: "GET", url: `${baseText(env.cfg.base)}/openapi.json`, headers: { accept: "application/json" } });
  const exchange = env.exchanges.at(-1);
  if (resp.status !== 200) return { outcome: { exchange, failures: [{ what: "GET /openapi.json status", expected: "200", actual: String(resp.status) }] } };
  const doc = resp.json;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return { outcome: { exchange, failures: [{ what: "GET /openapi.json body", expected: "an OpenAPI document as a JSON object", actual: resp.truncated ? "larger than the size limit" : show(resp.body, 60) }] } };
  }
  return { doc: doc as Doc };
}

async function openapiValid(env: ProcedureEnv): Promise<ProcedureOutcome> {
  const { doc, outcome } = await servedDocument(env);
  if (!doc) return outcome!;
  const exchange = env.exchanges.at(-1);
  const version = doc.openapi;
  if (typeof version !== "string" || !/^3\.1\.\d+/.test(version)) {
    return { exchange, failures: [{ what: "document /openapi", expected: "3.1.x", actual: show(version) }] };
  }
  const { Validator } = await import("@seriousme/openapi-schema-validator");
  // One validator per process: it compiles the OpenAPI schema once. A copy of the document,
  // since the validator may annotate it; an object, never a string (a string is a file name).
  oasValidator ??= new Validator();
  const result = await oasValidator.validate(structuredClone(doc));
  if (result.valid) return { failures: [] };
  const errors = Array.isArray(result.errors) ? (result.errors as { instancePath?: string; message?: string }[]) : [{ instancePath: "", message: String(result.errors) }];
  const seen = new Set<string>();
  const failures: Failure[] = [];
  for (const e of errors) {
    const where = e.instancePath ? decodeURIComponent(e.instancePath) : "/";
    const key = `${where} ${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    failures.push({ what: `document ${where}`, expected: `valid OpenAPI 3.1 (${e.message ?? "invalid"})`, actual: show(getPointer(doc, e.instancePath ?? "").found ? (getPointer(doc, e.instancePath ?? "") as { value: unknown }).value : undefined, 60) });
    if (failures.length >= MAX_FAILURES) break;
  }
  return { exchange, failures };
}

// --- matching answers to operations -----------------------------------------------------

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export interface Operation {
  method: string;
  template: string;
  pointer: string;
  op: Doc;
}

/** Every operation of a document, literal paths before templated ones. */
export function operations(doc: Doc): Operation[] {
  const paths = (doc.paths ?? {}) as Record<string, Doc>;
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(paths)) {
    if (!item || typeof item !== "object") continue;
    for (const m of METHODS) {
      const op = item[m];
      if (op && typeof op === "object") out.push({ method: m.toUpperCase(), template, pointer: toPointer(["paths", template, m]), op: op as Doc });
    }
  }
  const params = (t: string) => (t.match(/\{[^}]+\}/g) ?? []).length;
  return out.sort((a, b) => params(a.template) - params(b.template));
}

function templateRegex(template: string): RegExp {
  const parts = template.split(/(\{[^}]+\})/).map((p) => (p.startsWith("{") ? "[^/]+" : p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^${parts.join("")}$`);
}

export function findOperation(ops: readonly Operation[], method: string, path: string): Operation | undefined {
  return ops.find((o) => o.method === method && templateRegex(o.template).test(path));
}

/** Follows local $refs ("#/components/..."); returns the object and where it lives. */
function deref(doc: Doc, value: unknown, pointer: string): { value: unknown; pointer: string } {
  let current = { value, pointer };
  for (let hops = 0; hops < 20; hops++) {
    const ref = (current.value as { $ref?: unknown } | undefined)?.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#")) return current;
    const target = decodeURIComponent(ref.slice(1));
    const l = getPointer(doc, target);
    if (!l.found) return { value: undefined, pointer: target };
    current = { value: l.value, pointer: target };
  }
  return current;
}

interface Validate {
  (pointer: string, data: unknown): string[];
}

async function schemaValidator(doc: Doc): Promise<Validate> {
  const [ajvModule, formats] = await Promise.all([import("ajv/dist/2020.js"), import("ajv-formats")]);
  // CommonJS both: where the class or function sits depends on the loader (tsx, esbuild).
  const Ajv2020 = ((ajvModule.default as unknown as { default?: unknown }).default ?? ajvModule.default ?? ajvModule.Ajv2020) as typeof ajvModule.Ajv2020;
  // ajv-formats is CommonJS: its function is `default` or `default.default` depending on the loader.
  const addFormats = ((formats.default as unknown as { default?: unknown }).default ?? formats.default) as unknown as (a: unknown) => void;
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; the document's other keys are not keywords,
  // so strict mode and meta-validation are off. The document is one schema resource, so
  // "#/components/schemas/Show" refs resolve inside it.
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  addFormats(ajv);
  const id = "urn:api-architect:document";
  ajv.addSchema(structuredClone(doc) as object, id);
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  return (pointer, data) => {
    let fn = cache.get(pointer);
    if (!fn) {
      const fragment = pointer.split("/").map((t) => encodeURIComponent(t)).join("/");
      fn = ajv.compile({ $ref: `${id}#${fragment}` });
      cache.set(pointer, fn);
    }
    if (fn(data)) return [];
    return (fn.errors ?? []).map((e) => `${e.instancePath || "(the body)"} ${e.message ?? "is invalid"}${e.params && "additionalProperty" in e.params ? `: ${String(e.params.additionalProperty)}` : ""}`);
  };
}

function pathOf(url: string, base: URL): string {
  const u = new URL(url);
  const prefix = base.pathname.replace(/\/+$/, "");
  return prefix && u.pathname.startsWith(prefix) ? u.pathname.slice(prefix.length) || "/" : u.pathname;
}

async function responsesConform(p: Procedure, env: ProcedureEnv): Promise<ProcedureOutcome> {
  const which = p.document ?? "served";
  let doc: Doc | undefined;
  const contract = env.cfg.contract ? ((await env.cfg.contract()) as Doc | undefined) : undefined;
  if (which === "served") {
    const served = await servedDocument(env);
    if (!served.doc) return served.outcome!;
    doc = served.doc;
  } else {
    doc = contract;
    if (!doc) return { failures: [], message: "the course has no Encore contract (content/encore/openapi.yaml) to compare with" };
  }
  const ops = operations(doc);
  // Requests to paths outside Encore's contract (a lab-only route) are not judged.
  const encoreOps = contract ? operations(contract) : ops;
  let validate: Validate;
  try {
    const id = JSON.stringify(doc);
    if (!compiled.has(id)) compiled.set(id, schemaValidator(doc));
    validate = await compiled.get(id)!;
  } catch (e) {
    return { failures: [{ what: "document", expected: "schemas a JSON Schema validator can compile", actual: (e as Error).message.split("\n")[0]! }] };
  }
  const traffic: Exchange[] = [];
  for (const labId of p.labs ?? []) traffic.push(...(await env.replay(labId)));
  const failures: Failure[] = [];
  const seen = new Set<string>();
  let judged = 0;
  let first: Exchange | undefined;
  const fail = (ex: Exchange, f: Failure) => {
    const key = `${f.what}|${f.actual}`;
    if (seen.has(key) || failures.length >= MAX_FAILURES) return;
    seen.add(key);
    failures.push(f);
    first ??= ex;
  };
  for (const ex of traffic) {
    const resp = ex.response;
    if (!resp) continue;
    const path = pathOf(ex.request.url, env.cfg.base);
    const method = ex.request.method;
    const encore = findOperation(encoreOps, method, path);
    if (!encore) continue;
    const op = findOperation(ops, method, path);
    const name = `${method} ${encore.template}`;
    if (!op) {
      fail(ex, { what: name, expected: "described in the document", actual: "not in its paths" });
      continue;
    }
    judged++;
    const responses = deref(doc, op.op.responses, `${op.pointer}/responses`);
    const table = (responses.value ?? {}) as Record<string, unknown>;
    const code = String(resp.status);
    const key = [code, `${code[0]}XX`, `${code[0]}xx`, "default"].find((k) => k in table);
    if (!key) {
      fail(ex, { what: `${name} → ${code}`, expected: "a response the document describes", actual: `only ${Object.keys(table).join(", ") || "none"} are described` });
      continue;
    }
    const response = deref(doc, table[key], `${responses.pointer}/${key}`);
    if (!resp.body) continue;
    const content = deref(doc, (response.value as Doc | undefined)?.content, `${response.pointer}/content`);
    const media = mediaType(resp.headers["content-type"]);
    const types = Object.keys((content.value ?? {}) as Doc);
    const mediaKey = types.find((t) => t.toLowerCase() === media) ?? types.find((t) => t === "*/*" || (t.endsWith("/*") && media.startsWith(t.slice(0, -1))));
    if (!mediaKey) {
      fail(ex, { what: `${name} → ${code}`, expected: types.length ? `a body of type ${types.join(" or ")}` : "no body", actual: media || "(no content-type)" });
      continue;
    }
    const mediaPointer = `${content.pointer}/${mediaKey.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    const schemaAt = deref(doc, getPointer(doc, `${mediaPointer}/schema`).found ? (getPointer(doc, `${mediaPointer}/schema`) as { value: unknown }).value : undefined, `${mediaPointer}/schema`);
    if (schemaAt.value === undefined || resp.json === undefined) continue;
    for (const problem of validate(`${mediaPointer}/schema`, resp.json).slice(0, 3)) {
      fail(ex, { what: `${name} → ${code} body`, expected: "matches the document's schema", actual: problem });
    }
  }
  if (!failures.length && judged === 0) return { failures: [], message: "none of the requests reached an operation the document describes" };
  return { failures, exchange: first };
}

export async function runProcedure(p: Procedure, env: ProcedureEnv): Promise<ProcedureOutcome> {
  switch (p.name) {
    case "openapi-valid":
      return openapiValid(env);
    case "responses-conform":
      return responsesConform(p, env);
  }
}
