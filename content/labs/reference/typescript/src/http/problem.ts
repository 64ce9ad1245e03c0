// Every error leaves as RFC 9457 problem details: one shape, one media type.
import { randomBytes } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type {
  ErrorRequestHandler,
  Request,
  RequestHandler,
  Response,
} from "express";

const TYPE_BASE = "https://encore.example/problems/";

// The title is the status's reason phrase as RFC 9110 names it; Node's table
// still has the older names for these two.
const RENAMED: Record<number, string> =
  { 413: "Content Too Large", 422: "Unprocessable Content" };
const title = (status: number) => RENAMED[status] ?? STATUS_CODES[status];

export interface ErrorItem {
  detail: string;
  pointer?: string;
  parameter?: string;
}

/** Thrown anywhere in a handler; the error handler turns it into a response. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const notFound = (what: string) =>
  new Problem(404, "not-found", `No ${what} has this id.`);

export const badParameters = (errors: ErrorItem[]) =>
  new Problem(
    400,
    "invalid-parameters",
    `${errors.length} parameter(s) need attention.`,
    { errors },
  );

export const invalidBody = (errors: ErrorItem[]) =>
  new Problem(
    422,
    "validation-failed",
    `${errors.length} field(s) need attention.`,
    { errors },
  );

export const malformedBody = (detail: string) =>
  new Problem(400, "malformed-body", detail);

/** The W3C trace id of this request: from `traceparent`, or a new one. */
export const trace: RequestHandler = (req, res, next) => {
  const parent = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(
    req.get("traceparent") ?? "",
  );
  res.locals.traceId = parent?.[1] ?? randomBytes(16).toString("hex");
  next();
};

export function sendProblem(req: Request, res: Response, p: Problem) {
  res
    .status(p.status)
    .set(p.headers)
    .type("application/problem+json")
    .json({
      type: TYPE_BASE + p.slug,
      title: title(p.status),
      status: p.status,
      detail: p.detail,
      instance: req.originalUrl.split("?")[0],
      traceId: res.locals.traceId,
      ...p.extra,
    });
}

/** After every route: nothing matched. */
export const noRoute: RequestHandler = (req, res) => {
  sendProblem(
    req,
    res,
    new Problem(404, "not-found", "Nothing is here."),
  );
};

/** body-parser marks its own errors with a `type`. */
function fromBodyParser(err: { type?: string }): Problem | undefined {
  if (err.type === "entity.parse.failed") {
    return malformedBody("The body is not valid JSON.");
  }
  if (err.type === "entity.too.large") {
    return new Problem(
      413,
      "body-too-large",
      "Send at most 100 kB.",
    );
  }
  return undefined;
}

export function handleErrors(
  log: (message: string, error?: unknown) => void,
): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const known =
      err instanceof Problem ? err : fromBodyParser(err as { type?: string });
    if (known) return sendProblem(req, res, known);
    // The details go to the log, found by trace id; the client gets none.
    log(`unexpected error, trace ${res.locals.traceId}`, err);
    sendProblem(
      req,
      res,
      new Problem(
        500,
        "internal-error",
        "The error was logged. Quote the trace id if you contact support.",
      ),
    );
  };
}
