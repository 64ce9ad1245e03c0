// Every error leaves as RFC 9457 problem details: handlers throw a
// ProblemError, and problemHandler writes the one application/problem+json.
import { randomBytes } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { ErrorRequestHandler, Request, RequestHandler } from "express";

// Node's table still has the names RFC 9110 replaced for 413 and 422.
const RENAMED: Record<number, string> =
  { 413: "Content Too Large", 422: "Unprocessable Content" };
const title = (status: number) => RENAMED[status] ?? STATUS_CODES[status];

/** An error that already knows its problem: status, type slug, detail. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string, // https://encore.example/problems/<slug>
    readonly detail: string,
    readonly headers: Record<string, string> = {}, // Retry-After, ...
    readonly extensions: Record<string, unknown> = {}, // extra members
  ) {
    super(detail);
  }
}

function toProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  const parser = err as { type?: string }; // errors of express.json()
  if (parser.type === "entity.parse.failed") {
    return new ProblemError(400, "malformed-body", "The body is not JSON.");
  }
  if (parser.type === "entity.too.large") {
    return new ProblemError(413, "body-too-large", "The body is too large.");
  }
  return new ProblemError(500, "internal-error",
    "The error was logged. Quote the trace id if you contact support.");
}

// The W3C trace id of the request: from its traceparent header when it
// has one, else a new one. (Module 9 hands this job to OpenTelemetry.)
function traceId(req: Request): string {
  const sent = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/
    .exec(req.get("traceparent") ?? "")?.[1];
  return sent ?? randomBytes(16).toString("hex");
}

// Registered after every route: app.use(notFound, problemHandler).
export const notFound: RequestHandler = () => {
  throw new ProblemError(404, "not-found", "Nothing lives at this path.");
};

export const problemHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err); // too late for a problem body
  const p = toProblem(err);
  const trace = traceId(req);
  if (p.status >= 500) console.error(`unhandled error, trace ${trace}`, err);
  res.status(p.status).set(p.headers).type("application/problem+json")
    .json({
      type: `https://encore.example/problems/${p.slug}`,
      title: title(p.status), status: p.status, detail: p.detail,
      instance: req.originalUrl.split("?")[0],
      traceId: trace,
      ...p.extensions,
    });
};
