// The shape of a lab file (content/modules/NN-*/lab.yaml): requests sent to the learner's running
// server and what their answers must show. The vocabulary is deliberately small; anything a
// check needs beyond it is a named procedure written in TypeScript (src/labs/procedures.ts).
import { z } from "zod";

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case (a-z, 0-9, -)");
const text = z.string().trim().min(1, "must not be empty");
const name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "must be a name like showId (letters and digits)");
/** RFC 6901: "" is the whole document, else "/" followed by reference tokens (~0 and ~1 escape). */
export const pointer = z.string().regex(/^(?:\/(?:[^~]|~[01])*)*$/, 'must be a JSON Pointer such as "/data/0/id" ("" for the whole body)');

export const TOKENS = ["staff", "customer", "other-customer", "expired", "wrong-key", "unsigned", "wrong-audience"] as const;
export const PROCEDURES = ["openapi-valid", "responses-conform"] as const;
export const FORMATS = ["uuid", "date-time", "uri", "uri-reference"] as const;
export const TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"] as const;

/** A JSON value that may hold {{templates}} in its strings. */
const jsonValue: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));

/** What one JSON value (found by pointer) must be. A bare scalar means "equals". */
export interface ValueMatcherSpec {
  equals?: unknown;
  not?: unknown;
  matches?: string;
  format?: (typeof FORMATS)[number];
  type?: (typeof TYPES)[number];
  exists?: boolean;
  oneOf?: unknown[];
  contains?: Record<string, ValueSpec>;
  minItems?: number;
  maxItems?: number;
  gt?: string | number;
  lt?: string | number;
}
export type ValueSpec = string | number | boolean | null | ValueMatcherSpec;

const regex = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, "must be a valid regular expression");

const valueMatcher: z.ZodType<ValueMatcherSpec> = z.lazy(() =>
  z
    .strictObject({
      equals: jsonValue.optional(),
      not: jsonValue.optional(),
      matches: regex.optional(),
      format: z.enum(FORMATS).optional(),
      type: z.enum(TYPES).optional(),
      exists: z.boolean().optional(),
      oneOf: z.array(jsonValue).min(1).optional(),
      contains: z.record(pointer, valueSpec).optional(),
      minItems: z.number().int().min(0).optional(),
      maxItems: z.number().int().min(0).optional(),
      gt: z.union([z.string(), z.number()]).optional(),
      lt: z.union([z.string(), z.number()]).optional(),
    })
    .refine((m) => Object.keys(m).length > 0, "give at least one of equals, not, matches, format, type, exists, oneOf, contains, minItems, maxItems, gt, lt"),
);
const valueSpec: z.ZodType<ValueSpec> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), valueMatcher]));

const headerMatcher = z.union([
  z.string(),
  z
    .strictObject({
      equals: z.string().optional(),
      contains: z.string().optional(),
      matches: regex.optional(),
      present: z.boolean().optional(),
      not: z.string().optional(),
    })
    .refine((m) => Object.keys(m).length > 0, "give at least one of equals, contains, matches, present, not"),
]);

const status = z.union([
  z.number().int().min(100).max(599),
  z.array(z.number().int().min(100).max(599)).min(1),
  z.string().regex(/^[1-5]xx$/, 'must be a status, a list of statuses, or a class such as "2xx"'),
]);

const collectedSpec = z.strictObject({
  list: name,
  unique: pointer.optional(),
  includesAll: z.string().optional(),
  sortedBy: z.strictObject({ pointer, order: z.enum(["asc", "desc"]) }).optional(),
  every: z.record(pointer, valueSpec).optional(),
  count: z.number().int().min(0).optional(),
  minCount: z.number().int().min(0).optional(),
});

export const expectSchema = z.strictObject({
  status: status.optional(),
  headers: z.record(z.string(), headerMatcher).optional(),
  json: z.record(pointer, valueSpec).optional(),
  /** The body is RFC 9457 problem details (media type, object, member types, status). */
  problem: z.boolean().optional(),
  body: z
    .strictObject({
      empty: z.boolean().optional(),
      excludes: z.array(text).optional(),
      matches: regex.optional(),
      notMatches: regex.optional(),
    })
    .optional(),
  /** Same status and body as an earlier named step of this check. */
  sameAs: name.optional(),
  maxMs: z.number().int().min(1).max(30_000).optional(),
  collected: collectedSpec.optional(),
});

const requestSchema = z
  .strictObject({
    method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
    path: z.string().regex(/^\/|^\{\{/, "must start with / (or be a {{variable}} holding a path)"),
    query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    auth: z.enum([...TOKENS, "none"]).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    json: jsonValue.optional(),
    body: z.string().optional(),
    /** Sign the body as a Standard Webhooks delivery (webhook-id, -timestamp, -signature). */
    sign: z
      .strictObject({
        id: z.string(),
        /** Seconds added to the current time for webhook-timestamp (negative: in the past). */
        age: z.number().int().optional(),
        secret: z.enum(["lab", "wrong"]).default("lab"),
      })
      .optional(),
  })
  .refine((r) => !(r.json !== undefined && r.body !== undefined), "give json or body, not both");

const captureSchema = z.union([
  z.strictObject({ json: pointer, append: z.boolean().optional() }),
  z.strictObject({ header: z.string(), append: z.boolean().optional() }),
]);

export const stepSchema = z
  .strictObject({
    name: name.optional(),
    request: requestSchema,
    expect: expectSchema.optional(),
    capture: z.record(name, captureSchema).optional(),
    /** Add the items at this pointer of every response to a list that `collected` can test. */
    collect: z.strictObject({ into: name, items: pointer }).optional(),
    /** Send the request this many times; every answer must meet `expect`. */
    repeat: z.number().int().min(1).max(20).optional(),
    /** Send until an answer meets this, at most `max` times; then `expect` applies to that answer. */
    until: expectSchema.optional(),
    max: z.number().int().min(1).max(20).optional(),
    /** Milliseconds between tries, or "retry-after" to honour the server's Retry-After (capped). */
    wait: z.union([z.number().int().min(0).max(5000), z.literal("retry-after")]).optional(),
    /** Follow a paginated list: read the next cursor at `next`, send it as query parameter `param`. */
    pages: z.strictObject({ next: pointer, param: z.string(), max: z.number().int().min(1).max(50).default(20) }).optional(),
  })
  .refine((s) => [s.repeat, s.until, s.pages].filter((x) => x !== undefined).length <= 1, "use at most one of repeat, until and pages")
  .refine((s) => s.max === undefined || s.until !== undefined, "max belongs with until")
  .refine((s) => s.until === undefined || s.max !== undefined, "until needs max (how many tries at most)");

export const checkSchema = z
  .strictObject({
    id,
    title: text,
    /** Where the course teaches this: module:<id>#<section>. */
    teaches: z.string().regex(/^module:[a-z0-9-]+(#[a-z0-9-]+)?$/, "must be a module link such as module:api-fundamentals#idempotency-keys"),
    hint: text,
    steps: z.array(stepSchema).min(1).optional(),
    procedure: z
      .strictObject({
        name: z.enum(PROCEDURES),
        /** responses-conform: the labs whose requests to replay and check. */
        labs: z.array(id).optional(),
        /** responses-conform: "served" (GET /openapi.json) or "contract" (the course's Encore contract). */
        document: z.enum(["served", "contract"]).optional(),
      })
      .optional(),
  })
  .refine((c) => (c.steps ? 1 : 0) + (c.procedure ? 1 : 0) === 1, "give steps or a procedure (one of them)");

export const labSchema = z.strictObject({
  id,
  title: text,
  summary: text,
  /** Markdown shown by `lab start`: what to build. */
  intro: text,
  /** Named values fixed for the whole run, e.g. a title with {{run}} in it. */
  vars: z.record(name, z.string()).default({}),
  /** Steps run once before the checks (their captures are visible to every check). */
  setup: z.array(stepSchema).default([]),
  checks: z.array(checkSchema).min(1),
});

export type LabFile = z.infer<typeof labSchema>;
export type LabCheckFile = z.infer<typeof checkSchema>;
export type StepFile = z.infer<typeof stepSchema>;
export type ExpectFile = z.infer<typeof expectSchema>;
export type RequestFile = StepFile["request"];
