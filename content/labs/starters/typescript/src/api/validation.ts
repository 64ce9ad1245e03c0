// Reading input by Encore's rule (module 1): 400 when it cannot be read,
// 415 for another media type, 422 when it was read but is invalid.
import type { Request } from "express";
import { z } from "zod";
import { ProblemError } from "./problems.js";

type Item = { detail: string; pointer?: string; parameter?: string };

// JSON Pointer, URI-fragment form: ["seatIds", 0] -> "#/seatIds/0"
const pointer = (path: PropertyKey[]): string => "#" + path
  .map((p) => "/" + String(p).replaceAll("~", "~0").replaceAll("/", "~1"))
  .join("");

const invalid = (status: 400 | 422, errors: Item[]) => new ProblemError(
  status, status === 400 ? "invalid-parameters" : "validation-failed",
  `${errors.length} item(s) need attention.`, {}, { errors });

// A PATCH passes its own media type: "application/merge-patch+json".
export function parseBody<T>(
  schema: z.ZodType<T>, req: Request, mediaType = "application/json",
): T {
  if (!req.is(mediaType)) {
    throw new ProblemError(415, "unsupported-media-type",
      `Send the body as ${mediaType}.`);
  }
  const body: unknown = req.body; // express.json() already parsed it
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ProblemError(400, "malformed-body",
      "The body is not a JSON object.");
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw invalid(422, result.error.issues.map((issue) => (
    { detail: issue.message, pointer: pointer(issue.path) })));
}

export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  throw invalid(400, result.error.issues.map((issue) => ({
    detail: issue.message, parameter: String(issue.path[0] ?? "query"),
  })));
}

// One item by hand: an id in the body that names nothing (422), a
// cursor issued for another query (400)
export const invalidBody = (at: string, detail: string) =>
  invalid(422, [{ detail, pointer: at }]);
export const invalidParameter = (name: string, detail: string) =>
  invalid(400, [{ detail, parameter: name }]);

// parseId(req, "showId"): the path parameter, or a 400 unless a UUID
export function parseId(req: Request, name: string): string {
  const value = req.params[name] ?? ""; // a wildcard param is an array
  if (typeof value !== "string") throw invalidParameter(name, "one UUID");
  if (z.uuid().safeParse(value).success) return value;
  throw invalidParameter(name, "must be a UUID");
}
