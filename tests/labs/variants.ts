// Broken variants of the reference server: each is middleware put in front of it that makes one
// mistake a learner could make. `fails` lists the checks that must catch it, and only those.
// Lab 06 replays labs 01 and 02 and judges every answer against the contract, so a mistake
// that changes a documented answer in those labs is (rightly) caught there too: `alsoCaughtBy`.
import { createHmac } from "node:crypto";
import express, { type Request, type RequestHandler, type Response } from "express";
import { compactVerify, decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { malformedBody, sendProblem, trace } from "../../content/labs/reference/typescript/src/http/problem.js";
import { AUDIENCE, ISSUER, LAB_JWT_SECRET, LAB_WEBHOOK_SECRET } from "../../src/labs/secrets.js";

export interface Variant {
  name: string;
  /** lab/check ids that must fail. */
  fails: string[];
  alsoCaughtBy?: string[];
  before: RequestHandler[];
}

type Match = (req: Request) => boolean;

const CONFORMANCE = ["openapi/responses-described", "openapi/responses-match-contract"];
const SHOW = /^\/v1\/shows\/[^/]+$/;
const key = new TextEncoder().encode(LAB_JWT_SECRET);

/** Lets `f` change the status, headers or body of a JSON answer before it is sent. */
function onJson(when: Match, f: (req: Request, res: Response, body: unknown) => unknown): RequestHandler {
  return (req, res, next) => {
    if (when(req)) {
      const json = res.json.bind(res);
      res.json = (body: unknown) => json(f(req, res, body));
    }
    next();
  };
}

/** Rewrites the request before the server sees it. */
function onRequest(when: Match, f: (req: Request) => void): RequestHandler {
  return (req, _res, next) => {
    if (when(req)) f(req);
    next();
  };
}

function setQuery(req: Request, change: (q: URLSearchParams) => void) {
  const url = new URL(req.url, "http://x");
  change(url.searchParams);
  req.url = `${url.pathname}${url.search}`;
}

/**
 * Reads a JSON body before the server does (its parser then skips the finished stream). A body
 * that is not JSON gets the reference server's own 400, so the variant changes nothing else.
 */
function withJsonBody(when: Match, f: (req: Request, body: unknown) => unknown): RequestHandler[] {
  return [
    (req, res, next) => (when(req) && req.is("application/json") ? express.raw({ type: () => true })(req, res, next) : next()),
    (req, res, next) => {
      if (!when(req) || !Buffer.isBuffer(req.body)) return next();
      let body: unknown;
      try {
        body = JSON.parse(req.body.toString("utf8"));
      } catch {
        return trace(req, res, () => sendProblem(req, res, malformedBody("The body is not valid JSON.")));
      }
      req.body = f(req, body);
      next();
    },
  ];
}

const bearer = (req: Request) => /^Bearer (\S+)$/.exec(req.get("authorization") ?? "")?.[1];

async function resign(claims: Record<string, unknown>): Promise<string> {
  const { iat: _i, exp: _e, aud: _a, iss: _s, ...rest } = claims;
  return new SignJWT(rest).setProtectedHeader({ alg: "HS256" }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime("15m").sign(key);
}

/** Replaces the bearer token with a valid one carrying the same claims, when `bad` says so. */
function acceptToken(bad: (token: string) => Promise<boolean>, change: (claims: Record<string, unknown>) => Record<string, unknown> = (c) => c): RequestHandler {
  return async (req, _res, next) => {
    const token = bearer(req);
    if (token && (await bad(token))) req.headers.authorization = `Bearer ${await resign(change(decodeJwt(token)))}`;
    next();
  };
}

/** The signature holds (claims such as exp are not looked at). */
const verifies = async (token: string) => {
  try {
    await compactVerify(token, key, { algorithms: ["HS256"] });
    return true;
  } catch {
    return false;
  }
};

function sign(id: string, ts: number, body: Buffer): string {
  const k = Buffer.from(LAB_WEBHOOK_SECRET.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", k).update(`${id}.${ts}.`).update(body).digest("base64")}`;
}

/** Webhook deliveries, with the raw body read; `f` may re-sign them or answer itself. */
function onDelivery(f: (req: Request, res: Response, body: Buffer) => boolean | void): RequestHandler[] {
  const when: Match = (req) => req.method === "POST" && req.path === "/webhooks/payments";
  return [
    (req, res, next) => (when(req) ? express.raw({ type: () => true })(req, res, next) : next()),
    (req, res, next) => {
      if (!when(req)) return next();
      if (f(req, res, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)) !== true) next();
    },
  ];
}

const isPost = (path: string): Match => (req) => req.method === "POST" && req.path === path;
const isGet = (re: RegExp): Match => (req) => req.method === "GET" && re.test(req.path);

export function variants(): Variant[] {
  const keys = new Map<string, string>();
  const owners = new Map<string, string>();
  const etags = new Map<string, string>();
  return [
    // --- lab 01: shows --------------------------------------------------------------
    {
      name: "create answers 200 instead of 201",
      fails: ["shows/create-returns-201"],
      alsoCaughtBy: CONFORMANCE,
      before: [onJson(isPost("/v1/shows"), (_q, res, b) => (res.statusCode === 201 && res.status(200), b))],
    },
    {
      name: "create sends no Location",
      fails: ["shows/create-location"],
      before: [onJson(isPost("/v1/shows"), (_q, res, b) => (res.removeHeader("Location"), b))],
    },
    {
      name: "404 for a show sent as application/json",
      fails: ["shows/unknown-show-404"],
      alsoCaughtBy: CONFORMANCE,
      before: [onJson(isGet(SHOW), (_q, res, b) => (res.statusCode === 404 && res.type("application/json"), b))],
    },
    {
      name: "a retry with the same key creates a second show",
      fails: ["shows/idempotent-replay"],
      before: withJsonBody(isPost("/v1/shows"), (req, body) => {
        const k = req.get("idempotency-key");
        if (!k) return body;
        const seen = keys.get(k);
        keys.set(k, JSON.stringify(body));
        if (seen === JSON.stringify(body)) delete req.headers["idempotency-key"];
        return body;
      }),
    },
    {
      name: "a reused key with another body replays the first answer",
      fails: ["shows/idempotency-key-reuse-422"],
      before: withJsonBody(isPost("/v1/shows"), (req, body) => {
        const k = req.get("idempotency-key");
        if (!k) return body;
        const first = keys.get(`reuse ${k}`);
        if (first === undefined) keys.set(`reuse ${k}`, JSON.stringify(body));
        return first === undefined ? body : JSON.parse(first);
      }),
    },
    {
      name: "offset pagination",
      fails: ["shows/cursor-pages-stable"],
      before: [
        onRequest(isGet(/^\/v1\/shows$/), (req) => {
          const q = new URL(req.url, "http://x").searchParams;
          const cursor = q.get("cursor");
          const limit = Number(q.get("limit") ?? 20);
          if (!(limit >= 1 && limit <= 100)) return; // the server rejects it
          const offset = cursor?.startsWith("off-") ? Number(cursor.slice(4)) : cursor ? undefined : 0;
          if (offset === undefined) return; // not ours: the server judges it
          (req as Request & { page?: { offset: number; limit: number } }).page = { offset, limit };
          setQuery(req, (p) => {
            p.delete("cursor");
            p.set("limit", "100");
          });
        }),
        onJson(isGet(/^\/v1\/shows$/), (req, res, body) => {
          const page = (req as Request & { page?: { offset: number; limit: number } }).page;
          const b = body as { data?: unknown[] };
          if (!page || !Array.isArray(b.data)) return body;
          const end = page.offset + page.limit;
          const next = end < b.data.length ? `off-${end}` : null;
          if (next) res.set("Link", `</v1/shows?cursor=${next}>; rel="next"`);
          else res.removeHeader("Link");
          return { data: b.data.slice(page.offset, end), nextCursor: next };
        }),
      ],
    },
    {
      name: "lists send no Link header",
      fails: ["shows/pagination-envelope"],
      before: [onJson(isGet(/^\/v1\/shows$/), (_q, res, b) => (res.removeHeader("Link"), b))],
    },
    {
      name: "a bad cursor is a 500",
      fails: ["shows/bad-cursor-400"],
      before: [
        onJson(isGet(/^\/v1\/shows$/), (req, res, b) => {
          if (res.statusCode !== 400 || !req.query.cursor) return b;
          res.status(500);
          return { ...(b as object), status: 500, type: "https://encore.example/problems/internal-error", title: "Something went wrong on our side", errors: undefined };
        }),
      ],
    },
    {
      name: "limit is clamped to 100",
      fails: ["shows/limit-out-of-range-400"],
      before: [onRequest(isGet(/^\/v1\/shows$/), (req) => setQuery(req, (p) => Number(p.get("limit")) > 100 && p.set("limit", "100")))],
    },
    {
      name: "startsAfter is ignored",
      fails: ["shows/filter-starts-after"],
      before: [onRequest(isGet(/^\/v1\/shows$/), (req) => setQuery(req, (p) => p.delete("startsAfter")))],
    },
    {
      name: "the minus of sort is ignored",
      fails: ["shows/sort-descending"],
      before: [onRequest(isGet(/^\/v1\/shows$/), (req) => setQuery(req, (p) => p.get("sort") && p.set("sort", p.get("sort")!.replace(/-/g, ""))))],
    },
    {
      name: "PATCH answers 204 with no body",
      fails: ["shows/patch-with-etag"],
      alsoCaughtBy: CONFORMANCE,
      before: [
        (req, res, next) => {
          if (req.method === "PATCH" && SHOW.test(req.path)) {
            const json = res.json.bind(res);
            res.json = (body: unknown) => (res.statusCode === 200 ? (res.status(204).end(), res) : json(body));
          }
          next();
        },
      ],
    },
    {
      name: "If-Match is not compared (treated as *)",
      fails: ["shows/patch-stale-etag-412"],
      before: [onRequest((req) => req.method === "PATCH" && !!req.get("if-match"), (req) => void (req.headers["if-match"] = "*"))],
    },
    {
      name: "PATCH without If-Match is allowed",
      fails: ["shows/patch-without-if-match-428"],
      before: [onRequest((req) => req.method === "PATCH" && !req.get("if-match"), (req) => void (req.headers["if-match"] = "*"))],
    },

    // --- lab 02: errors ---------------------------------------------------------------
    {
      name: "malformed JSON is a 422",
      fails: ["errors/malformed-json-400"],
      before: [
        (req, res, next) => (isPost("/v1/shows")(req) && req.is("application/json") ? express.raw({ type: () => true })(req, res, next) : next()),
        (req, res, next) => {
          if (!Buffer.isBuffer(req.body)) return next();
          try {
            req.body = JSON.parse(req.body.toString("utf8"));
            next();
          } catch {
            trace(req, res, () => res.status(422).type("application/problem+json").json({ type: "https://encore.example/problems/validation-failed", title: "The request body is not valid", status: 422, detail: "The body is not valid JSON.", instance: req.path, traceId: res.locals.traceId }));
          }
        },
      ],
    },
    {
      name: "a JSON list is a 422",
      fails: ["errors/json-array-400"],
      before: [onJson(isPost("/v1/shows"), (req, res, b) => (Array.isArray(req.body) && res.statusCode === 400 ? (res.status(422), { ...(b as object), status: 422 }) : b))],
    },
    {
      name: "any Content-Type is parsed as JSON",
      fails: ["errors/wrong-content-type-415"],
      before: [onRequest((req) => req.method === "POST" && /text\/plain/.test(req.get("content-type") ?? ""), (req) => void (req.headers["content-type"] = "application/json"))],
    },
    {
      name: "an unreadable date is accepted as now",
      fails: ["errors/invalid-field-422"],
      before: withJsonBody(isPost("/v1/shows"), (_req, body) => {
        const b = body as Record<string, unknown>;
        if (b && typeof b.startsAt === "string" && Number.isNaN(Date.parse(b.startsAt))) b.startsAt = "2030-06-01T20:00:00Z";
        return b;
      }),
    },
    {
      name: "a missing title defaults to Untitled",
      fails: ["errors/missing-field-422"],
      before: withJsonBody(isPost("/v1/shows"), (_req, body) => (body && typeof body === "object" && !Array.isArray(body) && !("title" in body) ? { ...body, title: "Untitled" } : body)),
    },
    {
      name: "an unknown venue is a 400",
      fails: ["errors/unknown-venue-422"],
      before: [
        onJson(isPost("/v1/shows"), (_q, res, b) => {
          const body = b as { errors?: { pointer?: string }[] };
          if (res.statusCode !== 422 || !body.errors?.some((e) => e.pointer === "#/venueId")) return b;
          res.status(400);
          return { ...body, status: 400, type: "https://encore.example/problems/invalid-parameters" };
        }),
      ],
    },
    {
      name: "problems say about:blank",
      fails: ["errors/problem-members"],
      alsoCaughtBy: CONFORMANCE,
      before: [onJson(() => true, (_q, res, b) => (res.statusCode >= 400 && b && typeof b === "object" ? { ...b, type: "about:blank" } : b))],
    },
    {
      name: "unmatched routes get the framework's HTML 404",
      fails: ["errors/unknown-route-404"],
      before: [(req, res, next) => (/^\/v1\/nothing-here/.test(req.path) ? res.status(404).type("text/html").send(`<pre>Cannot GET ${req.path}</pre>`) : next())],
    },
    {
      name: "an unexpected error is a plain-text 500",
      fails: ["errors/unexpected-500-problem"],
      before: [(req, res, next) => (req.path === "/lab/boom" ? res.status(500).type("text/plain").send("Internal Server Error") : next())],
    },
    {
      name: "the 500 carries the message and the stack",
      fails: ["errors/500-hides-internals"],
      before: [
        onJson(
          (req) => req.path === "/lab/boom",
          (_q, _res, b) => ({ ...(b as object), detail: "lab boom: internal detail that must stay in the log\n    at boom (/srv/encore/src/app.ts:63:13)" }),
        ),
      ],
    },

    // --- lab 03: auth -------------------------------------------------------------------
    {
      name: "401 without WWW-Authenticate when no token was sent",
      fails: ["auth/no-token-401"],
      before: [onJson((req) => !req.get("authorization"), (_q, res, b) => (res.statusCode === 401 && res.removeHeader("WWW-Authenticate"), b))],
    },
    {
      name: "exp is not checked",
      fails: ["auth/expired-token-401"],
      before: [acceptToken(async (t) => decodeProtectedHeader(t).alg === "HS256" && (await verifies(t)) && (decodeJwt(t).exp ?? Infinity) * 1000 < Date.now())],
    },
    {
      name: "the signature is not checked",
      fails: ["auth/wrong-key-401"],
      before: [acceptToken(async (t) => decodeProtectedHeader(t).alg === "HS256" && !(await verifies(t)) && (decodeJwt(t).exp ?? 0) * 1000 > Date.now())],
    },
    {
      name: 'alg "none" is accepted',
      fails: ["auth/unsigned-token-401"],
      before: [acceptToken(async (t) => decodeProtectedHeader(t).alg === "none")],
    },
    {
      name: "aud is not checked",
      fails: ["auth/wrong-audience-401"],
      before: [acceptToken(async (t) => decodeProtectedHeader(t).alg === "HS256" && decodeJwt(t).aud !== AUDIENCE)],
    },
    {
      name: "roles are not checked",
      fails: ["auth/customer-cannot-create-show-403"],
      before: [
        (req, res, next) =>
          isPost("/v1/shows")(req)
            ? acceptToken(async (t) => Array.isArray(decodeJwt(t).roles) && !(decodeJwt(t).roles as string[]).includes("staff"), (c) => ({ ...c, roles: ["staff"] }))(req, res, next)
            : next(),
      ],
    },
    {
      name: "bookings are found by id alone (no ownership check)",
      fails: ["auth/other-customer-booking-404"],
      before: [
        onJson(isPost("/v1/bookings"), (req, res, b) => {
          const id = (b as { id?: string }).id;
          if (res.statusCode === 201 && id) owners.set(id, req.get("authorization") ?? "");
          return b;
        }),
        onRequest(isGet(/^\/v1\/bookings\/[^/]+$/), (req) => {
          const owner = owners.get(req.path.split("/")[3]!);
          if (owner) req.headers.authorization = owner;
        }),
      ],
    },
    {
      name: "the login limit sends no Retry-After",
      fails: ["auth/login-rate-limited-429"],
      before: [onJson(isPost("/auth/login"), (_q, res, b) => (res.statusCode === 429 && res.removeHeader("Retry-After"), b))],
    },
    {
      name: "logins are not limited",
      fails: ["auth/login-rate-limited-429"],
      before: [onJson(isPost("/auth/login"), (_q, res, b) => (res.statusCode === 429 ? (res.status(401), res.removeHeader("Retry-After"), { ...(b as object), status: 401 }) : b))],
    },

    // --- lab 05: caching --------------------------------------------------------------
    {
      name: "ETags are not quoted",
      fails: ["caching/show-etag"],
      before: [
        onRequest(isGet(SHOW), (req) => {
          for (const h of ["if-none-match", "if-match"]) {
            const v = req.headers[h];
            if (typeof v === "string" && !v.startsWith('"')) req.headers[h] = `"${v}"`;
          }
        }),
        onRequest((req) => req.method === "PATCH", (req) => {
          const v = req.headers["if-match"];
          if (typeof v === "string" && !v.startsWith('"')) req.headers["if-match"] = `"${v}"`;
        }),
        onJson(isGet(SHOW), (req, res, b) => {
          const tag = res.get("ETag");
          if (!tag) return b;
          // Decide the 304 here: once the tag is unquoted, Express's own comparison fails.
          if (res.statusCode === 200 && req.get("if-none-match") === tag) res.status(304);
          res.set("ETag", String(tag).replace(/"/g, ""));
          return b;
        }),
      ],
    },
    {
      name: "If-None-Match is ignored on a show",
      fails: ["caching/if-none-match-304"],
      before: [onRequest(isGet(SHOW), (req) => void delete req.headers["if-none-match"])],
    },
    {
      name: "a show's ETag is cached and never invalidated",
      fails: ["caching/etag-changes-on-update"],
      before: [
        (req, res, next) => {
          if (!isGet(SHOW)(req)) return next();
          // req.path changes inside the server's routers: keep the full one.
          const path = req.path;
          const memo = etags.get(path);
          if (memo && req.get("if-none-match") === memo) return void res.status(304).set("ETag", memo).end();
          const json = res.json.bind(res);
          res.json = (body: unknown) => {
            const tag = res.get("ETag");
            if (res.statusCode === 200 && tag) {
              if (!memo) etags.set(path, String(tag));
              else res.set("ETag", memo);
            }
            return json(body);
          };
          next();
        },
      ],
    },
    {
      name: "the show listing has no ETag",
      fails: ["caching/list-etag-304"],
      before: [onJson(isGet(/^\/v1\/shows$/), (_q, res, b) => (res.removeHeader("ETag"), b))],
    },
    {
      name: "the show listing says no-cache",
      fails: ["caching/list-public-cache"],
      before: [onJson(isGet(/^\/v1\/shows$/), (_q, res, b) => (res.set("Cache-Control", "no-cache"), b))],
    },
    {
      name: "a single show is private",
      fails: ["caching/show-public-cache"],
      before: [onJson(isGet(SHOW), (_q, res, b) => (res.set("Cache-Control", "private, max-age=60"), b))],
    },
    {
      name: "a customer's bookings are publicly cacheable",
      fails: ["caching/bookings-no-store"],
      before: [onJson(isGet(/^\/v1\/me\/bookings$/), (_q, res, b) => (res.set("Cache-Control", "public, max-age=60"), b))],
    },

    // --- lab 06: openapi --------------------------------------------------------------
    {
      name: "the document is served as text/plain",
      fails: ["openapi/serves-openapi"],
      before: [onJson(isGet(/^\/openapi\.json$/), (_q, res, b) => (res.type("text/plain"), b))],
    },
    {
      name: "the document has tags as a string",
      fails: ["openapi/openapi-valid"],
      before: [onJson(isGet(/^\/openapi\.json$/), (_q, _r, b) => ({ ...(b as object), tags: "shows" }))],
    },
    {
      name: "the document forgets getShow's 404",
      fails: ["openapi/responses-described"],
      before: [
        onJson(isGet(/^\/openapi\.json$/), (_q, _r, b) => {
          const doc = structuredClone(b) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
          delete doc.paths["/v1/shows/{showId}"]!.get!.responses["404"];
          return doc;
        }),
      ],
    },
    {
      name: "shows grow an internalNotes member, documented by the server but not in the contract",
      fails: ["openapi/responses-match-contract"],
      before: [
        onJson((req) => /^\/v1\/shows/.test(req.path), (_q, res, b) => {
          if (res.statusCode >= 300 || !b || typeof b !== "object") return b;
          const add = (s: object) => ({ ...s, internalNotes: "" });
          const list = b as { data?: object[] };
          return Array.isArray(list.data) ? { ...list, data: list.data.map(add) } : add(b);
        }),
        onJson(isGet(/^\/openapi\.json$/), (_q, _r, b) => {
          const doc = structuredClone(b) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
          for (const s of ["Show", "ShowSparse"]) doc.components.schemas[s]!.properties.internalNotes = { type: "string" };
          return doc;
        }),
      ],
    },

    // --- lab 08: webhooks ---------------------------------------------------------------
    {
      name: "a valid delivery is applied but answered 500",
      fails: ["webhooks/signed-delivery-accepted"],
      before: [
        (req, res, next) => {
          if (isPost("/webhooks/payments")(req)) {
            const end = res.end.bind(res) as (...a: unknown[]) => Response;
            res.end = ((...args: unknown[]) => {
              if (res.statusCode !== 204) return end(...args);
              res.statusCode = 500;
              res.setHeader("Content-Type", "application/problem+json");
              return end(JSON.stringify({ type: "https://encore.example/problems/internal-error", title: "Something went wrong on our side", status: 500, detail: "The error was logged." }));
            }) as Response["end"];
          }
          next();
        },
      ],
    },
    {
      name: "deliveries are acknowledged but never applied",
      fails: ["webhooks/delivery-settles-payment"],
      before: onDelivery((req, res, body) => {
        const id = req.get("webhook-id");
        const ts = req.get("webhook-timestamp");
        if (id && ts && req.get("webhook-signature") === sign(id, Number(ts), body) && Math.abs(Date.now() / 1000 - Number(ts)) < 300) {
          res.status(204).end();
          return true;
        }
      }),
    },
    {
      name: "signatures are not verified",
      fails: ["webhooks/bad-signature-401"],
      before: onDelivery((req, _res, body) => {
        const id = req.get("webhook-id");
        const ts = req.get("webhook-timestamp");
        if (id && ts && req.get("webhook-signature")) req.headers["webhook-signature"] = sign(id, Number(ts), body);
      }),
    },
    {
      name: "old timestamps are accepted",
      fails: ["webhooks/stale-timestamp-401"],
      before: onDelivery((req, _res, body) => {
        const id = req.get("webhook-id");
        const ts = Number(req.get("webhook-timestamp"));
        if (!id || !ts || req.get("webhook-signature") !== sign(id, ts, body)) return;
        const now = Math.floor(Date.now() / 1000);
        req.headers["webhook-timestamp"] = String(now);
        req.headers["webhook-signature"] = sign(id, now, body);
      }),
    },
    {
      name: "a delivery without headers is a 401",
      fails: ["webhooks/unsigned-delivery-400"],
      before: onDelivery((req, res) => {
        if (req.get("webhook-signature")) return;
        trace(req, res, () => res.status(401).type("application/problem+json").json({ type: "https://encore.example/problems/invalid-signature", title: "The signature does not match", status: 401, detail: "No signature.", instance: req.path, traceId: res.locals.traceId }));
        return true;
      }),
    },
    {
      name: "webhook-id is not remembered",
      fails: ["webhooks/duplicate-processed-once"],
      before: onDelivery((req, _res, body) => {
        const ts = Number(req.get("webhook-timestamp"));
        const id = req.get("webhook-id");
        if (!id || !ts || req.get("webhook-signature") !== sign(id, ts, body)) return;
        const fresh = `${id}-${Math.random().toString(36).slice(2)}`;
        req.headers["webhook-id"] = fresh;
        req.headers["webhook-signature"] = sign(fresh, ts, body);
      }),
    },

    // --- lab 09: health -----------------------------------------------------------------
    {
      name: '/health says "up"',
      fails: ["health/health-ok"],
      before: [onJson(isGet(/^\/health$/), () => ({ status: "up" }))],
    },
    {
      name: "/health queries the database (slow)",
      fails: ["health/health-fast"],
      // Slower than the check's 300 ms even with the tests' fivefold allowance.
      before: [(req, _res, next) => (isGet(/^\/health$/)(req) ? void setTimeout(next, 2_000) : next())],
    },
    {
      name: "/ready lists no checks",
      fails: ["health/ready-ok"],
      before: [onJson(isGet(/^\/ready$/), () => ({ status: "ready" }))],
    },
    {
      name: "/ready may be cached",
      fails: ["health/probes-not-cached"],
      before: [onJson(isGet(/^\/ready$/), (_q, res, b) => (res.removeHeader("Cache-Control"), b))],
    },

    // --- lab 11: jobs -------------------------------------------------------------------
    {
      name: "starting a report answers 201",
      fails: ["jobs/report-accepted-202"],
      before: [onJson((req) => req.method === "POST" && /sales-reports$/.test(req.path), (_q, res, b) => (res.statusCode === 202 && res.status(201), b))],
    },
    {
      name: "the 202 has no Retry-After",
      fails: ["jobs/report-location-retry-after"],
      before: [onJson((req) => req.method === "POST" && /sales-reports$/.test(req.path), (_q, res, b) => (res.removeHeader("Retry-After"), b))],
    },
    {
      name: "jobs never finish",
      fails: ["jobs/job-completes"],
      before: [onJson(isGet(/^\/v1\/jobs\/[^/]+$/), (_q, res, b) => (res.statusCode === 200 ? { ...(b as object), status: "running", resultUrl: null } : b))],
    },
    {
      name: "an unknown job is a 404 as application/json",
      fails: ["jobs/unknown-job-404"],
      before: [onJson(isGet(/^\/v1\/jobs\/[^/]+$/), (_q, res, b) => (res.statusCode === 404 && res.type("application/json"), b))],
    },
  ];
}
