// Request bodies and query strings checked with zod; failures become the one
// `errors: [{ detail, pointer | parameter }]` shape of the contract.
import type { Request, RequestHandler } from "express";
import type { z } from "zod";
import {
  badParameters,
  invalidBody,
  malformedBody,
  Problem,
  type ErrorItem,
} from "./problem.js";

/** ["seatIds", 0] → "#/seatIds/0" (a JSON Pointer in URI-fragment form). */
export function pointer(path: readonly PropertyKey[]): string {
  const tokens = path.map((t) =>
    String(t).replaceAll("~", "~0").replaceAll("/", "~1"),
  );
  return `#${tokens.map((t) => `/${t}`).join("")}`;
}

function items(error: z.ZodError): z.core.$ZodIssue[] {
  return error.issues;
}

export function parseBody<S extends z.ZodType>(
  schema: S,
  req: Request,
): z.infer<S> {
  const body: unknown = req.body;
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw malformedBody("The body must be a JSON object.");
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const errors: ErrorItem[] = items(result.error).flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((k) => ({
          pointer: pointer([...issue.path, k]),
          detail: "is not a member of this object",
        }))
      : [{ pointer: pointer(issue.path), detail: issue.message }],
  );
  throw invalidBody(errors);
}

export function parseQuery<S extends z.ZodType>(
  schema: S,
  req: Request,
): z.infer<S> {
  const result = schema.safeParse(req.query);
  if (result.success) return result.data;
  throw badParameters(
    items(result.error).map((issue) => ({
      parameter: String(issue.path[0] ?? "query"),
      detail: issue.message,
    })),
  );
}

/** 415 unless the body is sent as one of these media types. */
export function requireBody(...types: string[]): RequestHandler {
  return (req, _res, next) => {
    if (req.is(types)) return next();
    throw new Problem(
      415,
      "unsupported-media-type",
      `Send the body as ${types.join(" or ")}.`,
    );
  };
}
