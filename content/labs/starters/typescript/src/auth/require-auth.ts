// The one auth shape (module 3): requireAuth verifies the bearer token and
// sets req.auth. The labs sign their tokens with a shared HS256 key; Encore
// itself verifies ES256 access tokens from its JWKS (module 3).
import type { RequestHandler } from "express";
import { errors, jwtVerify } from "jose";
import { validate as isUuid } from "uuid";
import { ProblemError } from "../api/problems.js";

const ISSUER = "https://api.encore.example";
const LAB_KEY = new TextEncoder().encode(
  process.env.ENCORE_JWT_SECRET ??
    "encore-labs-local-only-hs256-key-0f3c9a7e51d2",
);

// A 401 problem carrying the challenge RFC 6750 asks for
export function unauthenticated(detail?: string) {
  const challenge = detail
    ? 'Bearer realm="encore", error="invalid_token"'
    : 'Bearer realm="encore"';
  return new ProblemError(401, "unauthenticated", detail ?? "Send a token.",
    { "WWW-Authenticate": challenge });
}

async function verify(token: string) {
  try {
    const { payload } = await jwtVerify(token, LAB_KEY, {
      algorithms: ["HS256"], // the allowlist: "none" is refused
      issuer: ISSUER,
      audience: "encore-api",
      requiredClaims: ["sub", "exp", "iat"],
      clockTolerance: 30, // seconds of leeway for exp and nbf
    });
    return payload;
  } catch (err) {
    return err instanceof errors.JWTExpired ? "expired" : "invalid";
  }
}

// Express 5 passes a rejected promise on to the error middleware.
export const requireAuth: RequestHandler = async (req, _res, next) => {
  const [scheme, token] = (req.get("authorization") ?? "").split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !token) {
    throw unauthenticated();
  }
  const claims = await verify(token);
  if (claims === "expired") {
    throw unauthenticated("The access token has expired.");
  }
  if (claims === "invalid" || !isUuid(claims.sub ?? "")) {
    throw unauthenticated("The access token is not valid.");
  }
  const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  const scope = typeof claims.scope === "string" ? claims.scope : "";
  const scopes = scope.split(" ").filter(Boolean);
  req.auth = { sub: claims.sub!, roles, scopes };
  next();
};
