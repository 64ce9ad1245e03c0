// Bearer tokens: one middleware checks them and puts the caller on req.auth.
import type { RequestHandler } from "express";
import { jwtVerify } from "jose";
import { Problem } from "../http/problem.js";

export const ISSUER = "https://api.encore.example";
export const AUDIENCE = "encore-api";

function unauthorized(detail: string, tokenSent: boolean) {
  // RFC 9110 requires a challenge on every 401; RFC 6750 adds the error code.
  const challenge = tokenSent
    ? 'Bearer realm="encore", error="invalid_token"'
    : 'Bearer realm="encore"';
  return new Problem(
    401,
    "unauthenticated",
    detail,
    {},
    { "WWW-Authenticate": challenge },
  );
}

/**
 * Checks the bearer token when one is sent and puts the caller on req.auth.
 * Anonymous requests pass; requireAuth and requireRole turn them away.
 */
export function authenticate(secret: string): RequestHandler {
  const key = new TextEncoder().encode(secret);
  return async (req, _res, next) => {
    const header = req.get("authorization");
    if (!header) return next();
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthorized("Send a bearer token.", true);
    try {
      // Pinning the algorithm rejects alg "none" and algorithm swaps.
      const { payload } = await jwtVerify(token, key, {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (typeof payload.sub !== "string") throw new Error("no sub");
      const roles = Array.isArray(payload.roles) ? payload.roles : [];
      const scope = typeof payload.scope === "string" ? payload.scope : "";
      req.auth = {
        sub: payload.sub,
        roles: roles.map(String),
        scopes: scope ? scope.split(" ") : [],
      };
    } catch {
      throw unauthorized("The token is expired or not valid.", true);
    }
    next();
  };
}

export const requireAuth: RequestHandler = (req, _res, next) => {
  if (!req.auth) throw unauthorized("Send a bearer token.", false);
  next();
};

export function requireRole(...roles: string[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) throw unauthorized("Send a bearer token.", false);
    if (!req.auth.roles.some((r) => roles.includes(r))) {
      throw new Problem(
        403,
        "forbidden",
        `This needs the role ${roles.join(" or ")}.`,
      );
    }
    next();
  };
}
