// Checks the course's `http` examples against the running example's OpenAPI 3.1 contract: every
// request to Encore must name a real operation (method and path template, known query
// parameters), and every JSON body must validate against that operation's schema. This is what
// keeps Encore one API from the first module to the last.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { CodeInfo, Problem } from "./markdown.js";

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"] as const;

interface Operation {
  id: string;
  method: string;
  template: string;
  regex: RegExp;
  params: string[];
  /** JSON Pointer (for ajv) to the operation object. */
  pointer: string;
  /** Fewer template parameters wins when two templates match (`/v1/me/bookings` over `/v1/me/{x}`). */
  literal: number;
  op: OperationObject;
  /** Path-level and operation-level parameters, resolved, each with the pointer to its schema. */
  parameters: { def: ParameterObject; schema: string }[];
}

interface ParameterObject {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  schema?: Record<string, unknown>;
}

interface OperationObject {
  operationId?: string;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { content?: Record<string, unknown> } | { $ref: string };
  responses?: Record<string, { content?: Record<string, unknown> } | { $ref: string }>;
}

export interface Contract {
  operations: Operation[];
  byId: Map<string, Operation>;
  validator(pointer: string): ValidateFunction;
  resolve<T>(value: T | { $ref: string }): T;
}

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Indexes an OpenAPI document's operations and prepares a JSON Schema 2020-12 validator. */
export function loadContract(doc: Record<string, unknown>): Contract {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(doc, "contract");
  const compiled = new Map<string, ValidateFunction>();
  const resolve = <T,>(value: T | { $ref: string }): T => {
    let v: unknown = value;
    for (let depth = 0; depth < 10 && v && typeof v === "object" && "$ref" in v; depth++) {
      const ref = (v as { $ref: string }).$ref;
      if (!ref.startsWith("#/")) break;
      v = ref
        .slice(2)
        .split("/")
        .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
    }
    return v as T;
  };
  const operations: Operation[] = [];
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [template, item] of Object.entries(paths)) {
    const params: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
      params.push(name);
      return "([^/]+)";
    });
    for (const method of METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (!op) continue;
      const pointer = `#/paths/${escapePointer(template)}/${method}`;
      const parameters: Operation["parameters"] = [];
      const collect = (list: OperationObject["parameters"], base: string) =>
        (list ?? []).forEach((p, i) => {
          const ref = (p as { $ref?: string }).$ref;
          const def = resolve<ParameterObject>(p);
          if (!def?.name) return;
          // An operation's own definition overrides the path item's (OpenAPI: same name and location).
          const at = parameters.findIndex((x) => x.def.name === def.name && x.def.in === def.in);
          const entry = { def, schema: `${ref ?? `${base}/${i}`}/schema` };
          if (at >= 0) parameters[at] = entry;
          else parameters.push(entry);
        });
      collect(item.parameters as OperationObject["parameters"], `#/paths/${escapePointer(template)}/parameters`);
      collect(op.parameters, `${pointer}/parameters`);
      operations.push({
        id: op.operationId ?? `${method} ${template}`,
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${source.replace(/\\\{|\\\}/g, "")}$`),
        params,
        pointer,
        literal: -params.length,
        op,
        parameters,
      });
    }
  }
  return {
    operations,
    byId: new Map(operations.map((o) => [o.id, o])),
    resolve,
    validator(pointer) {
      let v = compiled.get(pointer);
      if (!v) compiled.set(pointer, (v = ajv.compile({ $ref: `contract${pointer}` })));
      return v;
    },
  };
}

/** The paths that belong to Encore's API; requests elsewhere (an identity provider, a CDN) are not checked. */
const ENCORE_PATH = /^\/(v1(\/|$)|auth\/|health$|ready$|webhooks\/|openapi\.json$|\.well-known\/)/;
/** Encore resources requested without the /v1 prefix: drift, unless the lesson says it is a bad example. */
const UNPREFIXED = /^\/(shows|venues|bookings|payments|seats|customers|tickets|me|jobs)(\/|$|\?)/;
const ENCORE_HOSTS = new Set(["api.encore.example", "encore.example"]);

interface Message {
  kind: "request" | "response";
  line: number;
  method?: string;
  target?: string;
  status?: number;
  headers: Map<string, string>;
  body: string;
  bodyLine: number;
}

const REQUEST_LINE = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT|QUERY)\s+(\S+)(\s+HTTP\/\d(?:\.\d)?)?\s*$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/;

/** Splits an `http` example into requests and responses: start line, headers, blank line, body. */
export function parseHttpExample(code: string, firstLine: number): Message[] {
  const lines = code.split("\n");
  const out: Message[] = [];
  let current: Message | undefined;
  let inBody = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const req = REQUEST_LINE.exec(line);
    const res = STATUS_LINE.exec(line);
    if (req || res) {
      current = req
        ? { kind: "request", line: firstLine + i, method: req[1], target: req[2], headers: new Map(), body: "", bodyLine: 0 }
        : { kind: "response", line: firstLine + i, status: Number(res![1]), headers: new Map(), body: "", bodyLine: 0 };
      out.push(current);
      inBody = false;
      return;
    }
    if (!current) return;
    if (!inBody) {
      if (line.trim() === "") {
        inBody = true;
        return;
      }
      const h = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      if (h) {
        current.headers.set(h[1]!.toLowerCase(), h[2]!);
        return;
      }
      // Not a header: the body started without a blank line (a sloppy example); read it as body.
      inBody = true;
    }
    if (!current.body) current.bodyLine = firstLine + i;
    current.body += `${line}\n`;
  });
  for (const m of out) m.body = m.body.trim();
  return out;
}

function mediaType(headers: Map<string, string>): string | undefined {
  return headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
}

function describeErrors(v: ValidateFunction): string {
  return (v.errors ?? [])
    .slice(0, 3)
    .map((e) => {
      const where = e.instancePath || "(the body)";
      const extra = e.keyword === "additionalProperties" ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"` : e.keyword === "enum" ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(", ")})` : "";
      return `${where} ${e.message}${extra}`;
    })
    .join("; ");
}

/** Picks the schema for a media type: the exact one, else a JSON-ish one when none was named. */
function pickContent(content: Record<string, unknown> | undefined, type: string | undefined): string | undefined {
  if (!content) return undefined;
  const keys = Object.keys(content);
  if (type && keys.includes(type)) return type;
  if (type) return undefined;
  return keys.find((k) => /json/.test(k));
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

function queryValue(raw: string, schema: Record<string, unknown> | undefined): unknown {
  const type = schema?.type;
  if (type === "integer" || type === "number") return raw.trim() === "" ? raw : Number(raw);
  if (type === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  if (type === "array") return raw.split(",");
  return raw;
}

const placeholder = (v: string) => /…|\.\.\.|^\{.*\}$|^<.*>$|^:/.test(v);

function findOperation(contract: Contract, method: string, path: string): Operation | undefined {
  return contract.operations
    .filter((o) => o.method === method && o.regex.test(path))
    .sort((a, b) => b.literal - a.literal)[0];
}

/** Checks one `http` code block; problems are reported against the block's lines. */
export function checkHttpExample(contract: Contract, code: string, info: CodeInfo, firstLine: number, problems: Problem[]): void {
  try {
    checkMessages(contract, code, info, firstLine, problems);
  } catch (e) {
    // A schema ajv cannot compile is the contract's problem, reported where it shows up.
    problems.push({ line: firstLine, message: `cannot be checked against the contract: ${(e as Error).message}` });
  }
}

function checkMessages(contract: Contract, code: string, info: CodeInfo, firstLine: number, problems: Problem[]): void {
  if (info.counterexample) return;
  const messages = parseHttpExample(code, firstLine);
  let op: Operation | undefined;
  if (info.operation) {
    op = contract.byId.get(info.operation);
    if (!op) {
      problems.push({ line: firstLine, message: `operation=${info.operation} is not an operationId in the contract` });
      return;
    }
  }
  let requestSeen = false;
  for (const [i, m] of messages.entries()) {
    if (m.kind === "request") {
      requestSeen = true;
      op = undefined;
      let target = m.target!;
      if (/^https?:\/\//.test(target)) {
        const url = new URL(target);
        if (!ENCORE_HOSTS.has(url.hostname)) continue;
        target = url.pathname + url.search;
      }
      const [rawPath = "", query = ""] = target.split("?");
      const path = rawPath.length > 1 ? rawPath.replace(/\/$/, "") : rawPath;
      if (!ENCORE_PATH.test(path)) {
        if (UNPREFIXED.test(path)) problems.push({ line: m.line, message: `${m.method} ${path}: Encore's resources live under /v1 (mark the block counterexample if that is the point)` });
        continue;
      }
      op = findOperation(contract, m.method!, path);
      if (!op) {
        const others = contract.operations.filter((o) => o.regex.test(path)).map((o) => o.method);
        problems.push({ line: m.line, message: `${m.method} ${path} is not in the Encore contract${others.length ? ` (that path has ${others.join(", ")})` : ""}` });
        continue;
      }
      const answer = messages[i + 1]?.kind === "response" ? messages[i + 1]!.status : undefined;
      // A request the example itself answers as unreadable or invalid is wrong on purpose.
      const rejected = answer === 400 || answer === 413 || answer === 415 || answer === 422;
      if (!rejected) checkParameters(contract, op, path, query, m.line, problems);
      if (m.body && !rejected) checkBody(contract, op, "request", m, problems);
    } else {
      if (!op) {
        if (!requestSeen && m.body && /^[{[]/.test(m.body)) {
          problems.push({ line: m.line, message: "a response-only http example with a JSON body must name its operation (operation=<operationId>) or be marked counterexample" });
        }
        continue;
      }
      const responses = op.op.responses ?? {};
      const key = String(m.status);
      const response = responses[key] ?? responses[`${key[0]}XX`] ?? responses.default;
      if (!response) {
        problems.push({ line: m.line, message: `${op.id} has no ${m.status} response in the contract (it has ${Object.keys(responses).join(", ")})` });
        continue;
      }
      if (m.body) checkBody(contract, op, "response", m, problems, responses[key] ? key : responses[`${key[0]}XX`] ? `${key[0]}XX` : "default");
    }
  }
}

function checkParameters(contract: Contract, op: Operation, path: string, query: string, line: number, problems: Problem[]) {
  const values = op.regex.exec(path)!.slice(1);
  op.params.forEach((name, i) => {
    const value = decodeURIComponent(values[i] ?? "");
    const p = op.parameters.find((x) => x.def.in === "path" && x.def.name === name);
    if (!p?.def.schema || placeholder(value)) return;
    const v = contract.validator(p.schema);
    if (!v(queryValue(value, contract.resolve(p.def.schema)))) problems.push({ line, message: `${op.id}: path parameter ${name}="${value}": ${describeErrors(v)}` });
  });
  if (!query) return;
  for (const pair of query.split("&")) {
    if (!pair) continue;
    const [k = "", raw = ""] = pair.split("=");
    const name = decodeURIComponent(k);
    const value = decodeURIComponent(raw.replace(/\+/g, " "));
    const p = op.parameters.find((x) => x.def.in === "query" && x.def.name === name);
    if (!p) {
      const known = op.parameters.filter((x) => x.def.in === "query").map((x) => x.def.name);
      problems.push({ line, message: `${op.id} has no query parameter "${name}"${known.length ? ` (it has ${known.join(", ")})` : ""}` });
      continue;
    }
    if (!p.def.schema || placeholder(value)) continue;
    const v = contract.validator(p.schema);
    if (!v(queryValue(value, contract.resolve(p.def.schema)))) problems.push({ line, message: `${op.id}: query parameter ${name}="${value}": ${describeErrors(v)}` });
  }
}

function checkBody(contract: Contract, op: Operation, kind: "request" | "response", m: Message, problems: Problem[], responseKey?: string) {
  const container =
    kind === "request"
      ? contract.resolve(op.op.requestBody)
      : contract.resolve((op.op.responses ?? {})[responseKey!]);
  const content = (container as { content?: Record<string, unknown> } | undefined)?.content;
  const type = mediaType(m.headers);
  if (!content) {
    problems.push({ line: m.bodyLine, message: `${op.id}: the contract has no ${kind === "request" ? "request body" : `body for ${m.status}`}` });
    return;
  }
  const chosen = pickContent(content, type);
  if (!chosen) {
    problems.push({ line: m.line, message: `${op.id}: the contract's ${kind} ${kind === "response" ? `${m.status} ` : ""}is ${Object.keys(content).join(" or ")}, not ${type}` });
    return;
  }
  if (!/json/.test(chosen)) return;
  const parsed = parseJson(m.body);
  if (!parsed.ok) {
    problems.push({ line: m.bodyLine, message: `${op.id}: the ${kind} body is not valid JSON (complete it, or mark the block counterexample)` });
    return;
  }
  const base = kind === "request" ? `${op.pointer}/requestBody` : `${op.pointer}/responses/${escapePointer(responseKey!)}`;
  // Follow a $ref'd request body or response to where its content lives.
  const ref = (kind === "request" ? op.op.requestBody : (op.op.responses ?? {})[responseKey!]) as { $ref?: string } | undefined;
  const pointer = ref?.$ref ? `${ref.$ref}/content/${escapePointer(chosen)}/schema` : `${base}/content/${escapePointer(chosen)}/schema`;
  const schemaHolder = (content[chosen] as { schema?: unknown } | undefined)?.schema;
  if (!schemaHolder) return;
  const v = contract.validator(pointer);
  if (!v(parsed.value)) problems.push({ line: m.bodyLine, message: `${op.id}: the ${kind} body${kind === "response" ? ` (${m.status})` : ""} does not match the contract: ${describeErrors(v)}` });
}
