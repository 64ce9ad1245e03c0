// The keys a lab shares with the learner's server, and the credentials it makes from them:
// bearer tokens (HS256 JWTs with Encore's claims) and Standard Webhooks signatures.
import { createHmac } from "node:crypto";
import { SignJWT, UnsecuredJWT } from "jose";

/** Not a secret: every learner's server is configured with it, for local testing only. */
export const LAB_JWT_SECRET = "encore-labs-local-only-hs256-key-0f3c9a7e51d2";
export const LAB_WEBHOOK_SECRET = "whsec_ZW5jb3JlLWxhYnMtbG9jYWwtb25seS13ZWJob29rLWtleQ==";
export const WRONG_WEBHOOK_SECRET = "whsec_bm90LXRoZS1rZXkteW91ci1zZXJ2ZXItd2FzLWdpdmVu";
export const ISSUER = "https://api.encore.example";
export const AUDIENCE = "encore-api";

export interface Principals {
  staff: string;
  customer: string;
  otherCustomer: string;
}

const enc = new TextEncoder();

async function signed(claims: Record<string, unknown>, sub: string, opts: { key?: string; aud?: string; iat: number; exp: number }): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(opts.aud ?? AUDIENCE)
    .setIssuedAt(opts.iat)
    .setExpirationTime(opts.exp)
    .sign(enc.encode(opts.key ?? LAB_JWT_SECRET));
}

/** Every kind of token a lab step can ask for with `auth:` or {{token:kind}}. */
export async function mintTokens(who: Principals, now: Date): Promise<Record<string, string>> {
  const t = Math.floor(now.getTime() / 1000);
  const live = { iat: t, exp: t + 15 * 60 };
  const customer = { roles: ["customer"] };
  return {
    staff: await signed({ roles: ["staff"] }, who.staff, live),
    customer: await signed(customer, who.customer, live),
    "other-customer": await signed(customer, who.otherCustomer, live),
    expired: await signed(customer, who.customer, { iat: t - 2 * 3600, exp: t - 3600 }),
    "wrong-key": await signed(customer, who.customer, { ...live, key: "not-the-key-your-server-was-given-9d1e" }),
    "wrong-audience": await signed(customer, who.customer, { ...live, aud: "some-other-api" }),
    unsigned: new UnsecuredJWT({ ...customer, sub: who.customer, iss: ISSUER, aud: AUDIENCE, iat: t, exp: t + 900 }).encode(),
  };
}

/** Standard Webhooks: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" with the decoded secret. */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}
