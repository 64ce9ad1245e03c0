// Encore starter for the api-architect labs (Express 5). Probes, lab tokens,
// problem details and venues are done; the shows routes are yours to write.
import { randomBytes } from "node:crypto";
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
} from "express";
import { jwtVerify } from "jose";
import { v7 as uuidv7 } from "uuid";

declare module "express-serve-static-core" {
  interface Request {
    auth?: { sub: string; roles: string[]; scopes: string[] };
  }
}

const port = Number(process.env.PORT ?? 3000);
const key = new TextEncoder().encode(
  process.env.ENCORE_JWT_SECRET ??
    "encore-labs-local-only-hs256-key-0f3c9a7e51d2",
);

/** Throw one of these anywhere: the error handler sends it as a problem. */
class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

const app = express();
app.disable("x-powered-by");
app.set("etag", false);
app.use((_req, res, next) => {
  res.locals.traceId = randomBytes(16).toString("hex");
  next();
});
app.use(
  express.json({ type: ["application/json", "application/merge-patch+json"] }),
);

// A token, when one is sent, must be valid; requireRole turns away the rest.
app.use(async (req, _res, next) => {
  const token = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1];
  if (!token) return next();
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      issuer: "https://api.encore.example",
      audience: "encore-api",
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
    req.auth = { sub: String(payload.sub), roles, scopes: [] };
  } catch {
    throw new Problem(
      401,
      "unauthenticated",
      "Authentication is required",
      "The token is not valid.",
      {},
      { "WWW-Authenticate": 'Bearer realm="encore", error="invalid_token"' },
    );
  }
  next();
});

function requireRole(...roles: string[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) {
      throw new Problem(
        401,
        "unauthenticated",
        "Authentication is required",
        "Send a bearer token.",
        {},
        { "WWW-Authenticate": 'Bearer realm="encore"' },
      );
    }
    if (!req.auth.roles.some((r) => roles.includes(r))) {
      throw new Problem(403, "forbidden", "Not allowed", "Your role may not.");
    }
    next();
  };
}

// --- probes ----------------------------------------------------------------
app.get("/health", (_req, res) => {
  res.set("Cache-Control", "no-store").json({ status: "ok" });
});
app.get("/ready", (_req, res) => {
  res
    .set("Cache-Control", "no-store")
    .json({ status: "ready", checks: { memory: "ok" } });
});

// --- venues (done: the labs create one before their checks) ----------------
interface Venue {
  id: string;
  name: string;
  city: string;
  country: string;
  timezone: string;
  capacity: number;
  createdAt: string;
}
const venues = new Map<string, Venue>();
const seats = new Map<string, { id: string; venueId: string; label: string }>();
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

app.post("/v1/venues", requireRole("staff", "admin"), (req, res) => {
  const body = req.body as Record<string, unknown> | undefined;
  const missing = ["name", "city", "country", "timezone"].filter(
    (f) => typeof body?.[f] !== "string" || !body[f],
  );
  if (missing.length) {
    throw new Problem(
      422,
      "validation-failed",
      "The request body is not valid",
      `${missing.length} field(s) need attention.`,
      {
        errors: missing.map((f) => ({
          pointer: `#/${f}`,
          detail: "is required",
        })),
      },
    );
  }
  const venue: Venue = {
    id: uuidv7(),
    name: String(body!.name),
    city: String(body!.city),
    country: String(body!.country),
    timezone: String(body!.timezone),
    capacity: 10,
    createdAt: now(),
  };
  for (const row of ["A", "B"]) {
    for (let n = 1; n <= 5; n++) {
      const id = uuidv7();
      seats.set(id, { id, venueId: venue.id, label: `${row}-${n}` });
    }
  }
  venues.set(venue.id, venue);
  res.status(201).location(`/v1/venues/${venue.id}`).json(venue);
});

// --- shows: lab 01 (`api-architect lab start shows`) -----------------------
const yours: RequestHandler = (req: Request) => {
  throw new Problem(
    501,
    "not-implemented",
    "Not built yet",
    `${req.method} ${req.path} is yours to write (lab start shows).`,
  );
};
app.post("/v1/shows", requireRole("staff", "admin"), yours);
app.get("/v1/shows", yours);
app.get("/v1/shows/:showId", yours);
app.patch("/v1/shows/:showId", requireRole("staff", "admin"), yours);

// --- errors ------------------------------------------------------------------
app.use((req) => {
  throw new Problem(
    404,
    "not-found",
    "No such resource",
    `Nothing at ${req.path}.`,
  );
});

const problems: ErrorRequestHandler = (err, req, res, _next) => {
  const p =
    err instanceof Problem
      ? err
      : (err as { type?: string }).type === "entity.parse.failed"
        ? new Problem(
            400,
            "malformed-body",
            "The body cannot be read",
            "Not JSON.",
          )
        : new Problem(
            500,
            "internal-error",
            "Something went wrong on our side",
            "The error was logged.",
          );
  if (p.status === 500) console.error(res.locals.traceId, err);
  res
    .status(p.status)
    .set(p.headers)
    .type("application/problem+json")
    .json({
      type: `https://encore.example/problems/${p.slug}`,
      title: p.title,
      status: p.status,
      detail: p.message,
      instance: req.originalUrl.split("?")[0],
      traceId: res.locals.traceId,
      ...p.extra,
    });
};
app.use(problems);

app.listen(port, "127.0.0.1", () => {
  console.log(`Encore listening on http://127.0.0.1:${port}`);
});
