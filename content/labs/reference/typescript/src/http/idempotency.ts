// Idempotency-Key (IETF httpapi draft): the first response to a key is kept
// and replayed for retries with the same body; another body is a 422.
import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import { badParameters, Problem } from "./problem.js";

interface Stored {
  fingerprint: string;
  state: "in-flight" | "done";
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  expiresAt: number;
}

const DAY = 24 * 60 * 60 * 1000;
const KEY = /^"([\x20-\x21\x23-\x5B\x5D-\x7E]{1,255})"$/;
const KEPT_HEADERS = ["location", "etag", "cache-control", "content-type"];

export function idempotency(
  { required }: { required: boolean },
  keys = new Map<string, Stored>(),
): RequestHandler {
  return (req, res, next) => {
    const header = req.get("idempotency-key");
    if (header === undefined) {
      if (!required) return next();
      throw new Problem(
        400,
        "idempotency-key-missing",
        'Send Idempotency-Key: "<a new UUID>" so a retry cannot pay twice.',
      );
    }
    const key = KEY.exec(header)?.[1];
    if (!key) {
      throw badParameters([
        {
          parameter: "Idempotency-Key",
          detail: 'must be a quoted string, such as "8e03978e-40d5-..."',
        },
      ]);
    }
    // Keys are per caller: two customers may pick the same UUID.
    const caller = req.auth?.sub ?? "anonymous";
    const scope = `${caller} ${req.method} ${req.path} ${key}`;
    const fingerprint = createHash("sha256")
      .update(JSON.stringify(req.body ?? null))
      .digest("hex");
    const now = Date.now();
    const seen = keys.get(scope);
    if (seen && seen.expiresAt > now) {
      if (seen.fingerprint !== fingerprint) {
        throw new Problem(
          422,
          "idempotency-key-reused",
          "Use a new key for a different request.",
        );
      }
      if (seen.state === "in-flight") {
        throw new Problem(
          409,
          "idempotency-key-in-flight",
          "Retry in a moment.",
        );
      }
      res.status(seen.status!).set(seen.headers).json(seen.body);
      return;
    }
    const entry: Stored = {
      fingerprint,
      state: "in-flight",
      expiresAt: now + DAY,
    };
    keys.set(scope, entry);
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode >= 500) {
        keys.delete(scope); // a failure is not an answer to replay
      } else {
        const headers: Record<string, string> = {};
        for (const h of KEPT_HEADERS) {
          const v = res.get(h);
          if (v !== undefined) headers[h] = String(v);
        }
        Object.assign(entry, {
          state: "done",
          status: res.statusCode,
          headers,
          body,
        });
      }
      return json(body);
    };
    next();
  };
}
