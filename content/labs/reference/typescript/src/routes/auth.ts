// Accounts and tokens: register, log in (rate limited per account and IP).
import { Router, type RequestHandler } from "express";
import { SignJWT } from "jose";
import { z } from "zod";
import { AUDIENCE, ISSUER } from "../auth/require-auth.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { fixedWindow } from "../auth/rate-limit.js";
import { Problem } from "../http/problem.js";
import { parseBody, requireBody } from "../http/validate.js";
import { newId, timestamp, type Customer, type Db } from "../store.js";

const Register = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(12).max(128),
  name: z.string().min(1).max(100),
});

const Login = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(128),
  refreshTokenDelivery: z.enum(["body", "cookie"]).default("body"),
});

const LIMIT = 5;

/** Every attempt counts, right or wrong: that is what slows down guessing. */
function limitLogins(attempts: ReturnType<typeof fixedWindow>): RequestHandler {
  return (req, res, next) => {
    const email = String(req.body?.email ?? "").toLowerCase();
    const verdict = attempts(`${email} ${req.ip}`);
    res.set({
      "RateLimit-Policy": `"login";q=${LIMIT};w=60`,
      RateLimit: `"login";r=${verdict.remaining};t=${verdict.resetIn}`,
    });
    if (!verdict.allowed) {
      throw new Problem(
        429,
        "rate-limited",
        `Try again in ${verdict.resetIn} s.`,
        {},
        { "Retry-After": String(verdict.resetIn) },
      );
    }
    next();
  };
}

function view(c: Customer) {
  const { passwordHash: _hash, ...shown } = c;
  return shown;
}

export function authRouter(db: Db, jwtSecret: string) {
  const router = Router();
  const key = new TextEncoder().encode(jwtSecret);
  const attempts = fixedWindow(LIMIT, 60_000);

  router.post(
    "/register",
    requireBody("application/json"),
    async (req, res) => {
      const input = parseBody(Register, req);
      const email = input.email.toLowerCase();
      if ([...db.customers.values()].some((c) => c.email === email)) {
        throw new Problem(
          409,
          "email-taken",
          "Log in, or reset the password.",
        );
      }
      const customer: Customer = {
        id: newId(),
        email,
        name: input.name,
        roles: ["customer"],
        passwordHash: await hashPassword(input.password),
        createdAt: timestamp(),
      };
      db.customers.set(customer.id, customer);
      res.status(201).location("/v1/me").json(view(customer));
    },
  );

  router.post(
    "/login",
    requireBody("application/json"),
    limitLogins(attempts),
    async (req, res) => {
      const input = parseBody(Login, req);
      const customer = [...db.customers.values()].find(
        (c) => c.email === input.email.toLowerCase(),
      );
      const ok =
        customer &&
        (await verifyPassword(input.password, customer.passwordHash));
      if (!customer || !ok) {
        // The same answer whether or not the email exists.
        throw new Problem(
          401,
          "invalid-credentials",
          "Check both and try again.",
          {},
          { "WWW-Authenticate": 'Bearer realm="encore"' },
        );
      }
      const accessToken = await new SignJWT({ roles: customer.roles })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(customer.id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime("15m")
        .sign(key);
      // Refresh tokens (rotation, reuse detection) are module 03's topic.
      res.set("Cache-Control", "no-store");
      res.json({ accessToken, tokenType: "Bearer", expiresIn: 900 });
    },
  );

  return router;
}

export function meRouter(db: Db) {
  const router = Router();
  router.get("/", (req, res) => {
    const customer = db.customers.get(req.auth!.sub);
    if (!customer) {
      throw new Problem(
        404,
        "not-found",
        "This token names no customer.",
      );
    }
    res.set("Cache-Control", "private, no-store").json(view(customer));
  });
  return router;
}
